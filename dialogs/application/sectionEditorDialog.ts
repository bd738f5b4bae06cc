import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { latestSection, missingSections, sectionNames, type SectionName } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { answersFrom } from '../forms/form';
import { FormDialog, type FormRun } from '../forms/formDialog';
import { runCaseCommand } from '../journey/caseCommand';
import { sectionForms, sectionNumber } from './sectionForms';

/**
 * Writes (or changes) one application section and saves it at once with
 * `saveApplicationSection`, so a finished section is never lost. A saved section's answers are
 * offered back, so "keep" leaves a field as it is.
 */
export interface SectionEdit {
  readonly reference: string;
  readonly section: SectionName;
}

export interface SectionEdited {
  readonly saved: boolean;
  /** Sections still unwritten after this one, in order. */
  readonly missing: readonly SectionName[];
}

interface Values {
  reference?: string;
  section?: SectionName;
}

export class SectionEditorDialog extends ComponentDialog {
  constructor(
    id: string,
    private readonly desks: JourneyDesks,
  ) {
    super(id);
    for (const section of sectionNames) this.addDialog(new FormDialog(this.formId(section), sectionForms[section], desks.clock));
    this.addDialog(new WaterfallDialog(`${id}.steps`, [this.ask.bind(this), this.save.bind(this)]));
    this.initialDialogId = `${id}.steps`;
  }

  private formId(section: SectionName): string {
    return `${this.id}.${section}`;
  }

  private async ask(step: WaterfallStepContext<SectionEdit>): Promise<DialogTurnResult> {
    const { reference, section } = step.options;
    Object.assign(step.values as Values, { reference, section });
    const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
    const saved = state ? latestSection(state.facts.application, section) : undefined;
    const form = sectionForms[section];
    const heading = `**Section ${sectionNumber(section)} of ${sectionNames.length}: ${form.title}.**`;
    await step.context.sendActivity(saved ? `${heading} It is saved already: I'll show each saved answer; say **keep** to keep it.` : heading);
    const run: FormRun = { answers: {}, current: answersFrom(form, saved) };
    return step.beginDialog(this.formId(section), run);
  }

  private async save(step: WaterfallStepContext<SectionEdit>): Promise<DialogTurnResult> {
    const { reference, section } = step.values as Required<Values>;
    const content = step.result as unknown;
    // The union pairs each section with its own content; the form's schema has just parsed it.
    const command = { type: 'saveApplicationSection', section, content } as Parameters<typeof runCaseCommand>[3];
    const outcome = await runCaseCommand(step.context, this.desks, reference, command);
    if (!outcome.ok) {
      await step.context.sendActivity(outcome.reason);
      const result: SectionEdited = { saved: false, missing: [] };
      return step.endDialog(result);
    }
    const notes = sectionForms[section].advise?.(content, this.desks.clock()) ?? [];
    const advice = notes.length > 0 ? `\n\nPlease note: ${notes.join(' ')}` : '';
    await step.context.sendActivity(`Saved **${sectionForms[section].title}**.${advice}`);
    const result: SectionEdited = { saved: true, missing: missingSections(outcome.state.facts.application) };
    return step.endDialog(result);
  }
}
