import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type FileConsentCardResponse,
  type InvokeResponse,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';

import { readCardAction, type CardAction } from '../../cards/cardAction';
import { unreadableClickCard } from '../../cards/unreadableClickCard';
import { invokeAnswerOf } from '../../dialogs/invokeAnswer';
import type { CardActions } from '../cardActions/cardActions';
import type { ConversationReferences } from './conversationReferences';
import { ConversationTurns } from './conversationTurns';
import type { FileConsents } from '../documents/fileConsent';
import { describeError, type Logger } from '../runtime/logger';
import { turnLogger } from '../runtime/turnLogger';
import type { StaffChannel } from '../staff/staffChannel';
import { botWasAdded, type Welcomes } from './welcomes';

/**
 * The Teams activity handler: applicants' 1:1 chats run the personal chat dialog; staff
 * channels answer @mentions; card clicks (Action.Execute) are routed by verb.
 * State is saved at the end of every turn, in MongoDB, so any process can take the next turn.
 */
export class DarsBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;
  private readonly turns: ConversationTurns;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly personalChat: Dialog,
    private readonly references: ConversationReferences,
    private readonly cardActions: CardActions,
    private readonly staffChannel: StaffChannel,
    private readonly logger: Logger,
    welcomes?: Welcomes,
    /** Teams' file consent flow (bot/documents/fileConsent.ts); without it those invokes are not supported. */
    private readonly fileConsents?: FileConsents,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(personalChat);
    this.turns = new ConversationTurns(logger);

    this.onMessage(async (context, next) => {
      await this.references.remember(context);
      const fallbackClick = caseCardSubmit(context);
      if (fallbackClick) await this.cardActions.submit(context, fallbackClick);
      else if (isPersonal(context)) await this.runPersonalChat(context);
      else await this.answerChannelMention(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.references.remember(context);
      if (isPersonal(context)) await this.runPersonalChat(context);
      await welcomes?.welcome(context);
      await next();
    });

    // Added to a chat or a team (Teams also sends installationUpdate; the welcome is sent once).
    this.onMembersAdded(async (context, next) => {
      if (botWasAdded(context.activity)) {
        await this.references.remember(context);
        await welcomes?.welcome(context);
      }
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await welcomes?.forget(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await this.turns.take(context, this.conversationState, () => super.run(context));
  }

  /**
   * Invokes: only Universal Actions (`adaptiveCard/action`) are ours. Any other name (task
   * modules, message extensions, sign-in…), which our manifest never asks Teams for, gets the
   * Universal Action Model's "not supported" error (400, `application/vnd.microsoft.error`,
   * code NotSupported, as botbuilder answers an unsupported action type) instead of
   * botbuilder's 501; a card action without an action is a bad request. The one other invoke
   * taken is Teams' file consent (`fileConsent/invoke`, 1:1 chats only), answered by botbuilder's
   * own routing to `handleTeamsFileConsentAccept`/`Decline`.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'fileConsent/invoke' && this.fileConsents && isPersonal(context)) return super.onInvokeActivity(context);
    if (context.activity.name !== 'adaptiveCard/action') return invokeError(400, 'NotSupported', 'DARS Bot does not support this kind of request.');
    const action = (context.activity.value as { action?: { type?: unknown } | null } | undefined)?.action;
    if (typeof action !== 'object' || action === null) return invokeError(400, 'BadRequest', 'The card action has no action.');
    if (action.type !== 'Action.Execute') return invokeError(400, 'NotSupported', 'Only Action.Execute card actions are supported.');
    return super.onInvokeActivity(context);
  }

  protected override async handleTeamsFileConsentAccept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await this.fileConsents!.accept(context, response);
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    await this.fileConsents!.decline(context);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    turnLogger(context, this.logger).info('card action', { verb });
    if (isPersonal(context) && verb.startsWith('enquiryDraft.')) {
      await this.runPersonalChat(context);
      return invokeAnswerOf(context) ?? message('This card belongs to an enquiry that has ended. Say “status” to see your cases.');
    }
    const click = readCardAction(invokeValue);
    if (!click.ok) {
      turnLogger(context, this.logger).info('card action not readable', { verb });
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: unreadableClickCard() };
    }
    return this.cardActions.invoke(context, click.action);
  }

  private async runPersonalChat(context: TurnContext): Promise<void> {
    const dialogContext = await this.dialogs.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty && context.activity.type === 'message') {
      await dialogContext.beginDialog(this.personalChat.id);
    }
  }

  private async answerChannelMention(context: TurnContext): Promise<void> {
    try {
      await this.staffChannel.answer(context);
    } catch (error) {
      turnLogger(context, this.logger).warn('channel answer failed', { error: describeError(error) });
      await context.sendActivity('Sorry, I could not answer that just now. Please try again.');
    }
  }
}

/**
 * A case card's Action.Submit fallback (clients without Universal Actions): a message whose
 * value names a case verb. The applicant's own enquiry draft buttons belong to their dialog.
 */
function caseCardSubmit(context: TurnContext): CardAction | undefined {
  const value = context.activity.value as { verb?: unknown } | undefined;
  if (!value || typeof value.verb !== 'string' || value.verb.startsWith('enquiryDraft.')) return undefined;
  const click = readCardAction(value);
  return click.ok ? click.action : undefined;
}

function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

function message(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}

function invokeError(status: number, code: string, message: string): InvokeResponse {
  return { status, body: { statusCode: status, type: 'application/vnd.microsoft.error', value: { code, message } } };
}
