import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { missingSections, sectionNames, sectionTitles } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { JourneyDialog, setProgress, type JourneyOptions } from '../journey/journeyDialog';
import { allSavedMessage, savedCount, sectionList } from './applicationText';
import { SectionEditorDialog, type SectionEdit, type SectionEdited } from './sectionEditorDialog';
import { sectionNamed, sectionNumber } from './sectionForms';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * "application": writes the application section by section, each saved as soon as it is done.
 * Plain "application" carries on at the first section not yet written and goes on to the next;
 * "application <section>" changes that one section. Stopping loses nothing: saved sections are
 * on the case, and the section in progress is in dialog state.
 */
export const applicationDialogId = 'journey.application';

export interface ApplicationOptions extends JourneyOptions {
  /** What followed "application", naming a section to change. */
  readonly sectionText?: string;
}

interface LoopOptions extends SectionEdit {
  /** Go on to the next missing section after this one. */
  readonly continuing: boolean;
}

export class ApplicationDialog extends JourneyDialog {
  private readonly editorId = `${applicationDialogId}.section`;
  private readonly loopId = `${applicationDialogId}.loop`;

  constructor(desks: JourneyDesks) {
    super(applicationDialogId, desks);
    this.addDialog(new SectionEditorDialog(this.editorId, desks));
    this.addDialog(new WaterfallDialog(`${applicationDialogId}.steps`, [this.chooseCase.bind(this), this.start.bind(this)]));
    this.addDialog(new WaterfallDialog(this.loopId, [this.edit.bind(this), this.next.bind(this)]));
    this.initialDialogId = `${applicationDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<ApplicationOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['saveApplicationSection'], 'Which case\'s application do you want to work on?');
  }

  private async start(step: WaterfallStepContext<ApplicationOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    if (!reference) return step.endDialog();
    const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
    if (!state) return step.endDialog();
    const application = state.facts.application;
    const typed = step.options.sectionText?.trim();
    if (typed) {
      const section = sectionNamed(typed);
      if (!section) {
        await step.context.sendActivity(`I don't know which section "${plainInMarkdown(typed)}" is. The sections are:\n\n${sectionList(application)}\n\nSay **application** and a name or number, for example "application 7".`);
        return step.endDialog();
      }
      return step.replaceDialog(this.loopId, { reference, section, continuing: false } satisfies LoopOptions);
    }
    const [first] = missingSections(application);
    if (!first) {
      await step.context.sendActivity(allSavedMessage(reference));
      return step.endDialog();
    }
    const saved = savedCount(application);
    await step.context.sendActivity(
      `Let's ${saved > 0 ? 'carry on with' : 'write'} the application for **${reference}**: ${sectionNames.length} sections, ${saved} saved so far. ` +
        'Each section is saved as soon as you finish it, so you can stop at any time (**cancel**) and carry on later with **application**. ' +
        'Say **help** at any question for guidance.',
    );
    return step.replaceDialog(this.loopId, { reference, section: first, continuing: true } satisfies LoopOptions);
  }

  private async edit(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const { reference, section } = step.options;
    setProgress(step, `You are writing section ${sectionNumber(section)} of ${sectionNames.length} (${sectionTitles[section]}) of the application for ${reference}.`);
    return step.beginDialog(this.editorId, { reference, section } satisfies SectionEdit);
  }

  private async next(step: WaterfallStepContext<LoopOptions>): Promise<DialogTurnResult> {
    const { reference, continuing } = step.options;
    const edited = step.result as SectionEdited;
    if (!edited.saved) return step.endDialog();
    const [following] = edited.missing;
    if (!following) {
      await step.context.sendActivity(allSavedMessage(reference));
      return step.endDialog();
    }
    if (continuing) return step.replaceDialog(this.loopId, { reference, section: following, continuing } satisfies LoopOptions);
    await step.context.sendActivity(`${edited.missing.length} of ${sectionNames.length} sections are still to write: say **application** to carry on with ${sectionTitles[following]}.`);
    return step.endDialog();
  }

  protected generalHelp(): string {
    return `The application has ${sectionNames.length} sections. Each is saved as soon as you finish it. Say **application** to carry on, or "application <section>" to change one.`;
  }

  protected startingProgress(): string {
    return 'You are working on your application.';
  }

  protected cancelMessage(): string {
    return 'Stopped. Every section you finished is saved; the one in progress is not. Say **application** to carry on where you left off.';
  }
}

