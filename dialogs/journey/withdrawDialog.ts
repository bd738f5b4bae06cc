import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { AnswerPrompt } from '../answerPrompt';
import type { JourneyDesks } from '../desks';
import { runCaseCommand } from './caseCommand';
import { checkTextField, commandField } from './commandFields';
import { JourneyDialog, setProgress, type JourneyOptions } from './journeyDialog';
import { pick, PickPrompt, yesNoPicks } from './pickPrompt';

/**
 * "withdraw": the applicant may withdraw at any point before access (DOMAIN.md). A reason first,
 * then an explicit yes, because the case closes for good.
 */
export const withdrawDialogId = 'journey.withdraw';

interface Values {
  reference?: string;
  reason?: string;
}

export class WithdrawDialog extends JourneyDialog {
  private readonly reasonId = `${withdrawDialogId}.reason`;
  private readonly confirmId = `${withdrawDialogId}.confirm`;

  constructor(desks: JourneyDesks) {
    super(withdrawDialogId, desks);
    this.addDialog(
      new AnswerPrompt(this.reasonId, {
        ask: 'Why are you withdrawing? A sentence is enough, for example "The funding was not awarded."',
        check: checkTextField('The reason for withdrawing', commandField('withdraw', 'reason')),
      }),
    );
    this.addDialog(new PickPrompt(this.confirmId));
    this.addDialog(
      new WaterfallDialog(`${withdrawDialogId}.steps`, [this.chooseCase.bind(this), this.askReason.bind(this), this.confirm.bind(this), this.withdraw.bind(this)]),
    );
    this.initialDialogId = `${withdrawDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['withdraw'], 'Which case do you want to withdraw?');
  }

  private async askReason(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    if (!reference) return step.endDialog();
    (step.values as Values).reference = reference;
    setProgress(step, `You are withdrawing ${reference}; nothing has changed yet.`);
    await step.context.sendActivity(`You are about to withdraw **${reference}**.`);
    return step.beginDialog(this.reasonId);
  }

  private async confirm(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const values = step.values as Values;
    values.reason = step.result as string;
    return step.beginDialog(
      this.confirmId,
      pick(
        `Withdraw **${values.reference}**? DARS stops all work on it and it cannot be reopened; its history is kept. ` +
          'To ask for data again later you would make a new enquiry. (yes / no)',
        yesNoPicks,
      ),
    );
  }

  private async withdraw(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const { reference, reason } = step.values as Values;
    if (step.result !== 'yes') {
      await step.context.sendActivity(`Nothing has changed: **${reference}** is still open.`);
      return step.endDialog();
    }
    const outcome = await runCaseCommand(step.context, this.desks, reference!, { type: 'withdraw', reason: reason! });
    await step.context.sendActivity(
      outcome.ok ? `**${reference}** is withdrawn. DARS has been told, and the case is closed. Say **new enquiry** if you need data in future.` : outcome.reason,
    );
    return step.endDialog();
  }

  protected generalHelp(): string {
    return 'Withdrawing closes the case for good. Give a short reason, then say **yes** to withdraw or **no** to keep the case open.';
  }

  protected startingProgress(): string {
    return 'You are withdrawing a case; nothing has changed yet.';
  }

  protected cancelMessage(): string {
    return 'Stopped: nothing has changed and your case is still open.';
  }
}
