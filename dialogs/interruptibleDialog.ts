import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

import type { StatusDesk } from './desks';
import { personOf } from './personOf';

/**
 * A dialog that "help", "cancel" and "status" can interrupt at any step (the core-bot sample's
 * CancelAndHelpDialog, extended). Help and status answer, then ask the current question again;
 * cancel ends the dialog.
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
      const cases = await this.statusDesk.describeCasesFor(personOf(inner.context));
      await inner.context.sendActivity(`${this.progressOf(inner)}\n\n${cases}`);
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    if (command === 'cancel' || command === 'quit' || command === 'stop') {
      await inner.context.sendActivity(this.cancelMessage());
      return inner.cancelAllDialogs();
    }
    return undefined;
  }
}
