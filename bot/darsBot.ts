import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';

import { readCardAction, type CardAction } from '../cards/cardAction';
import { invokeAnswerOf } from '../dialogs/invokeAnswer';
import type { CardActions } from './cardActions';
import type { ConversationReferences } from './conversationReferences';
import { ConversationTurns } from './conversationTurns';
import { describeError, type Logger } from './logger';
import type { StaffChannel } from './staffChannel';

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
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await this.turns.take(context, this.conversationState, () => super.run(context));
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    this.logger.info('card action', { verb, activityId: context.activity.id });
    if (isPersonal(context) && verb.startsWith('enquiryDraft.')) {
      await this.runPersonalChat(context);
      return invokeAnswerOf(context) ?? message('This card belongs to an enquiry that has ended. Say **status** to see your cases.');
    }
    const click = readCardAction(invokeValue);
    if (!click.ok) return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: click.problem } };
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
      this.logger.warn('channel answer failed', { activityId: context.activity.id, error: describeError(error) });
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
