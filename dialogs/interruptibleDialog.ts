import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

import { confirmCommandWord } from './commandWords';
import type { StatusDesk } from './desks';
import { personOf } from './personOf';

/**
 * A dialog that "help", "cancel", "status" and "history" can interrupt at any step (the core-bot
 * sample's CancelAndHelpDialog, extended). Help, status and history answer, then ask the current
 * question again; cancel ends the dialog. The chat's other command words typed at a question are
 * confirmed before anything is done with them (dialogs/commandWords.ts).
 */
export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly statusDesk: StatusDesk,
  ) {
    super(id);
  }

  /** Help for whatever the dialog is asking now. */
  protected abstract helpFor(inner: DialogContext): string;
  /** One line on where the person is in this dialog, for "status". */
  protected abstract progressOf(inner: DialogContext): string;
  /** What cancelling means here. */
  protected abstract cancelMessage(): string;

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interruption = await this.interrupt(inner);
    return interruption ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = inner.context.activity;
    if (activity.type !== 'message' || !activity.text) return undefined;
    const command = activity.text.trim().toLowerCase().replace(/[.!?]+$/, '');

    if (command === 'help' || command === '?') {
      await inner.context.sendActivity(this.helpFor(inner));
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (command === 'status') {
      // Where the person is in this step first; their cases after, and nothing about cases when
      // they have none (mid-enquiry, "no cases yet" would contradict the enquiry under way).
      const cases = await this.statusDesk.describeCasesFor(personOf(inner.context), { quietWhenNone: true });
      await inner.context.sendActivity(cases ? `${this.progressOf(inner)}\n\n${cases}` : this.progressOf(inner));
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    const history = /^history(?:\s+(dars-\d{4}-\d{5}))?$/.exec(command);
    if (history) {
      await inner.context.sendActivity(await this.statusDesk.describeHistoryFor(personOf(inner.context), history[1]?.toUpperCase()));
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (command === 'cancel' || command === 'quit' || command === 'stop') {
      await inner.context.sendActivity(this.cancelMessage());
      return inner.cancelAllDialogs();
    }
    return confirmCommandWord(inner, this.cancelMessage());
  }
}
