import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { londonDate } from '../../services/domain/calendar';
import { defaultRules } from '../../services/domain/rules/defaultRules';
import { evidenceProblems } from '../../services/domain/workflow/state/evidenceChecklist';
import { missingSections } from '../../services/domain/workflow/application/versions';
import { applicationProblems, draftVersion, sectionNames, sectionsChangedSince, sectionTitles } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { runCaseCommand } from '../journey/caseCommand';
import { caseLine } from '../journey/caseChoice';
import { JourneyDialog, setProgress, type JourneyOptions } from '../journey/journeyDialog';
import { pick, PickPrompt, yesNoPicks } from '../journey/pickPrompt';

/**
 * "submit application": checks the whole application with the workflow's own rules
 * (`applicationProblems`: missing sections, DSA term, common law duty, security) and lists every
 * problem; with none, asks for a yes and submits — or resubmits, after amendments.
 */
export const submitApplicationDialogId = 'journey.submitApplication';

interface Values {
  reference?: string;
  resubmit?: boolean;
}

export class SubmitApplicationDialog extends JourneyDialog {
  private readonly confirmId = `${submitApplicationDialogId}.confirm`;

  constructor(desks: JourneyDesks) {
    super(submitApplicationDialogId, desks);
    this.addDialog(new PickPrompt(this.confirmId));
    this.addDialog(new WaterfallDialog(`${submitApplicationDialogId}.steps`, [this.chooseCase.bind(this), this.review.bind(this), this.submit.bind(this)]));
    this.initialDialogId = `${submitApplicationDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['submitApplication', 'resubmitApplication'], 'Which case\'s application do you want to submit?');
  }

  private async review(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    const state = reference ? await this.desks.cases.caseFor(reference, personOf(step.context).id) : undefined;
    if (!reference || !state) return step.endDialog();
    const values = step.values as Values;
    values.reference = reference;
    values.resubmit = state.status === 'amendmentsRequested';
    setProgress(step, `You are checking the application for ${reference} before it is submitted.`);

    const problems = applicationProblems(state, londonDate(this.desks.clock()), defaultRules);
    if (problems.length > 0) {
      await step.context.sendActivity(
        `The application for **${reference}** cannot be submitted yet:\n\n${problems.map((problem) => `- ${problem}`).join('\n')}\n\n` +
          (missingSections(state.facts.application).length > 0 || evidenceProblems(state).length < problems.length
            ? 'Say **application** to carry on with the sections still to write, or **application** and a section\'s name to change one.'
            : 'Say **evidence** to see the evidence DARS asked for, or attach each file here.'),
      );
      return step.endDialog();
    }
    const application = state.facts.application;
    const version = draftVersion(application);
    const changed = values.resubmit ? sectionsChangedSince(application, application.submissions.length) : [];
    const changes = values.resubmit
      ? changed.length > 0
        ? ` Changed since version ${version - 1}: ${changed.map((section) => sectionTitles[section]).join(', ')}.`
        : ` Nothing has changed since version ${version - 1} yet.`
      : '';
    return step.beginDialog(
      this.confirmId,
      pick(`All ${sectionNames.length} sections of **${reference}** are complete.${changes} ${values.resubmit ? 'Resubmit' : 'Submit'} version ${version} to DARS for acceptance review? (yes / no)`, yesNoPicks),
    );
  }

  private async submit(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const { reference, resubmit } = step.values as Values;
    if (step.result !== 'yes') {
      await step.context.sendActivity('Not submitted. Your sections stay saved; say **submit application** when you are ready.');
      return step.endDialog();
    }
    const outcome = await runCaseCommand(step.context, this.desks, reference!, { type: resubmit ? 'resubmitApplication' : 'submitApplication' });
    if (!outcome.ok) {
      await step.context.sendActivity(outcome.reason);
      return step.endDialog();
    }
    const version = outcome.state.facts.application.submissions.at(-1)?.version ?? 1;
    await step.context.sendActivity(`${resubmit ? 'Resubmitted' : 'Submitted'}: version ${version} of the application for **${reference}** is with DARS. ${caseLine(outcome.state, personOf(step.context).id)}`);
    return step.endDialog();
  }

  protected generalHelp(): string {
    return 'I check the whole application before it goes to DARS. Say **yes** to submit it, or **no** to keep working on it.';
  }

  protected startingProgress(): string {
    return 'You are submitting your application.';
  }

  protected cancelMessage(): string {
    return 'Not submitted. Your sections stay saved; say **submit application** when you are ready.';
  }
}
