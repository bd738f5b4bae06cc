import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';

import { invokeAnswerOf } from '../dialogs/invokeAnswer';
import type { ConversationReferences } from './conversationReferences';
import { describeError, type Logger } from './logger';

/**
 * The Teams activity handler: applicants' 1:1 chats run the personal chat dialog; staff
 * channels answer @mentions; card clicks (Action.Execute) are routed by verb.
 * State is saved at the end of every turn, in MongoDB, so any process can take the next turn.
 */
export class DarsBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogs: DialogSet;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly personalChat: Dialog,
    private readonly references: ConversationReferences,
    private readonly logger: Logger,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.dialogs = new DialogSet(this.dialogState).add(personalChat);

    this.onMessage(async (context, next) => {
      await this.references.remember(context);
      if (isPersonal(context)) await this.runPersonalChat(context);
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
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = invokeValue.action?.verb ?? '';
    this.logger.info('card action', { verb, activityId: context.activity.id });
    if (isPersonal(context) && verb.startsWith('enquiryDraft.')) {
      await this.runPersonalChat(context);
      return invokeAnswerOf(context) ?? message('This card belongs to an enquiry that has ended. Say **status** to see your cases.');
    }
    return {
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: `DARS Bot does not know the action "${verb}".` },
    };
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
      await context.sendActivity(
        'Enquiries are posted here for review. Staff commands in channels (queue, mine, overdue, a case by reference) are on their way.',
      );
    } catch (error) {
      this.logger.warn('channel reply failed', { activityId: context.activity.id, error: describeError(error) });
    }
  }
}

function isPersonal(context: TurnContext): boolean {
  return context.activity.conversation?.conversationType === 'personal';
}

function message(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}
