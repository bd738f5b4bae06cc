import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import type { JourneyDesks } from '../desks';
import { answersFrom, type FormAnswers } from '../forms/form';
import { FormDialog, type FormRun } from '../forms/formDialog';
import { personOf } from '../personOf';
import { runCaseCommand } from './caseCommand';
import { caseLine } from './caseChoice';
import { costSummary, fundingForm, fundingSummary, type FundingContent } from './fundingForm';
import { JourneyDialog, setProgress, type JourneyOptions } from './journeyDialog';
import { pick, PickPrompt } from './pickPrompt';

/**
 * "funding": after the preliminary assessment, the applicant confirms the source of funding and
 * the payment details against the cost estimate shown, checks them, then confirms.
 */
export const fundingDialogId = 'journey.funding';

interface FundingOptions extends JourneyOptions {
  /** Answers to offer with "keep" when the person chose to change them. */
  readonly current?: FormAnswers;
}

interface Values {
  reference?: string;
  content?: FundingContent;
}

export class FundingDialog extends JourneyDialog {
  private readonly formId = `${fundingDialogId}.form`;
  private readonly confirmId = `${fundingDialogId}.confirm`;
  private readonly stepsId = `${fundingDialogId}.steps`;

  constructor(desks: JourneyDesks) {
    super(fundingDialogId, desks);
    this.addDialog(new FormDialog(this.formId, fundingForm, desks.clock));
    this.addDialog(new PickPrompt(this.confirmId));
    this.addDialog(new WaterfallDialog(this.stepsId, [this.chooseCase.bind(this), this.ask.bind(this), this.review.bind(this), this.confirm.bind(this)]));
    this.initialDialogId = this.stepsId;
  }

  private async chooseCase(step: WaterfallStepContext<FundingOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['confirmFunding'], 'Which case are you confirming funding for?');
  }

  private async ask(step: WaterfallStepContext<FundingOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    if (!reference) return step.endDialog();
    (step.values as Values).reference = reference;
    setProgress(step, `You are confirming the funding and payment details for ${reference}.`);
    if (!step.options.current) {
      const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
      await step.context.sendActivity(
        `DARS has finished the preliminary assessment of **${reference}**. Please confirm how the work will be funded.\n\n${state ? costSummary(state) : ''}`,
      );
    }
    const run: FormRun = { answers: {}, current: step.options.current ?? {} };
    return step.beginDialog(this.formId, run);
  }

  private async review(step: WaterfallStepContext<FundingOptions>): Promise<DialogTurnResult> {
    const content = step.result as FundingContent;
    (step.values as Values).content = content;
    return step.beginDialog(
      this.confirmId,
      pick(`Please check these details:\n\n${fundingSummary(content)}\n\nConfirm them to DARS? (**confirm** / **change**)`, [
        { value: 'confirm', label: 'confirm', synonyms: ['yes', 'y', 'ok', 'send'] },
        { value: 'change', label: 'change', synonyms: ['no', 'edit', 'fix'] },
      ]),
    );
  }

  private async confirm(step: WaterfallStepContext<FundingOptions>): Promise<DialogTurnResult> {
    const { reference, content } = step.values as Values;
    if (step.result === 'change') {
      await step.context.sendActivity('Let\'s go through them again: say **keep** for any answer that is right.');
      return step.replaceDialog(this.stepsId, { reference, current: answersFrom(fundingForm, content) });
    }
    const outcome = await runCaseCommand(step.context, this.desks, reference!, { type: 'confirmFunding', ...content! });
    if (!outcome.ok) {
      await step.context.sendActivity(outcome.reason);
      return step.endDialog();
    }
    await step.context.sendActivity(`Thank you: the funding for **${reference}** is confirmed. ${caseLine(outcome.state, personOf(step.context).id)}`);
    return step.endDialog();
  }

  protected generalHelp(): string {
    return 'Check the funding source and payment details, then say **confirm** to send them to DARS, or **change** to correct them.';
  }

  protected startingProgress(): string {
    return 'You are confirming funding and payment details.';
  }

  protected cancelMessage(): string {
    return 'Stopped: nothing was sent to DARS. Say **funding** when you are ready to confirm the funding.';
  }
}
