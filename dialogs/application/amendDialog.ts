import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { formatDate, londonDate } from '../../services/domain/calendar';
import { sectionNames, sectionsChangedSince, sectionTitles, type CaseState, type SectionName } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { runCaseCommand } from '../journey/caseCommand';
import { caseLine } from '../journey/caseChoice';
import { JourneyDialog, setProgress, type JourneyOptions } from '../journey/journeyDialog';
import { pick, PickPrompt, type Pick } from '../journey/pickPrompt';
import { SectionEditorDialog, type SectionEdit } from './sectionEditorDialog';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * "amend": DARS asked for amendments with a comment per section. Shows the comments, lets the
 * applicant change those sections (or any other), each saved at once, then resubmits — the
 * workflow refuses a resubmission with nothing changed, and says which sections were asked about.
 */
export const amendDialogId = 'journey.amend';

interface MenuOptions {
  readonly reference: string;
}

const resubmit = 'resubmit';
const later = 'later';

export class AmendDialog extends JourneyDialog {
  private readonly editorId = `${amendDialogId}.section`;
  private readonly menuId = `${amendDialogId}.menu`;
  private readonly whichId = `${amendDialogId}.which`;

  constructor(desks: JourneyDesks) {
    super(amendDialogId, desks);
    this.addDialog(new SectionEditorDialog(this.editorId, desks));
    this.addDialog(new PickPrompt(this.whichId));
    this.addDialog(new WaterfallDialog(`${amendDialogId}.steps`, [this.chooseCase.bind(this), this.showComments.bind(this)]));
    this.addDialog(new WaterfallDialog(this.menuId, [this.menu.bind(this), this.act.bind(this), this.again.bind(this)]));
    this.initialDialogId = `${amendDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['resubmitApplication'], 'Which case\'s application do you want to amend?');
  }

  private async showComments(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    const state = reference ? await this.desks.cases.caseFor(reference, personOf(step.context).id) : undefined;
    if (!reference || !state) return step.endDialog();
    const request = state.facts.application.amendmentRequests.at(-1);
    if (request) {
      const when = formatDate(londonDate(new Date(request.requested.at)));
      const comments = request.comments.map((comment) => `- **${sectionTitles[comment.section]}**: ${plainInMarkdown(comment.comment)}`).join('\n');
      await step.context.sendActivity(`${plainInMarkdown(request.requested.by.name)} asked for amendments to version ${request.version} of **${reference}** on ${when}:\n\n${comments}`);
    }
    return step.replaceDialog(this.menuId, { reference } satisfies MenuOptions);
  }

  private async menu(step: WaterfallStepContext<MenuOptions>): Promise<DialogTurnResult> {
    const { reference } = step.options;
    setProgress(step, `You are amending the application for ${reference}.`);
    const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
    if (!state) return step.endDialog();
    const commented = commentedSections(state);
    const changed = sectionsChangedSince(state.facts.application, state.facts.application.submissions.length);
    const picks: Pick[] = [
      ...commented.map((section) => ({ value: section, label: `${sectionTitles[section]}${changed.includes(section) ? ' (changed)' : ''}`, synonyms: [sectionTitles[section]] })),
      { value: resubmit, label: resubmit, synonyms: ['submit', 'resubmit application', 'send'] },
      { value: later, label: later, synonyms: ['done', 'stop', 'not now'] },
    ];
    const status = changed.length > 0 ? `Changed so far: ${changed.map((section) => sectionTitles[section]).join(', ')}.` : 'Nothing is changed yet.';
    return step.beginDialog(
      this.whichId,
      pick(`${status} Which section do you want to change? Choose one DARS commented on, or name any section (1 to ${sectionNames.length}). Say **resubmit** when you are ready.`, [
        ...picks,
        // Any other section can be typed by name or number.
        ...sectionNames.filter((section) => !commented.includes(section)).map((section) => ({ value: section, label: sectionTitles[section], offered: false })),
      ]),
    );
  }

  private async act(step: WaterfallStepContext<MenuOptions>): Promise<DialogTurnResult> {
    const { reference } = step.options;
    const choice = step.result as string;
    if (choice === later) {
      await step.context.sendActivity(`Your changes are saved. Say **amend** to carry on with **${reference}**, and resubmit when you are ready.`);
      return step.endDialog();
    }
    if (choice === resubmit) {
      const outcome = await runCaseCommand(step.context, this.desks, reference, { type: 'resubmitApplication' });
      if (!outcome.ok) {
        await step.context.sendActivity(outcome.reason);
        return step.replaceDialog(this.menuId, { reference } satisfies MenuOptions);
      }
      const version = outcome.state.facts.application.submissions.at(-1)?.version ?? 0;
      await step.context.sendActivity(`Resubmitted: version ${version} of the application for **${reference}** is with DARS. ${caseLine(outcome.state, personOf(step.context).id)}`);
      return step.endDialog();
    }
    const section = sectionNames.find((name) => name === choice);
    if (!section) return step.replaceDialog(this.menuId, { reference } satisfies MenuOptions);
    return step.beginDialog(this.editorId, { reference, section } satisfies SectionEdit);
  }

  private async again(step: WaterfallStepContext<MenuOptions>): Promise<DialogTurnResult> {
    return step.replaceDialog(this.menuId, step.options);
  }

  protected generalHelp(): string {
    return 'DARS asked for changes to some sections. Choose a section to change it (say **keep** for answers that stay the same), then say **resubmit**. Say **later** to stop; what you saved is kept.';
  }

  protected startingProgress(): string {
    return 'You are amending your application.';
  }

  protected cancelMessage(): string {
    return 'Stopped. Sections you finished are saved; say **amend** to carry on, and resubmit when you are ready.';
  }
}

function commentedSections(state: CaseState): SectionName[] {
  const comments = state.facts.application.amendmentRequests.at(-1)?.comments ?? [];
  return sectionNames.filter((section) => comments.some((comment) => comment.section === section));
}
