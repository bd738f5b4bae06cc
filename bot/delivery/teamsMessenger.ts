import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';

import type { Config } from '../runtime/config';
import type { ConversationReferences } from '../turns/conversationReferences';
import { ConversationPacer } from './conversationPacer';
import type { PostedCard } from '../cardActions/postedCards';

/**
 * Proactive sends to Teams: a new post in a channel, a message in a person's 1:1 chat (opening
 * the chat if the bot has never talked to them), and in-place updates of cards already posted.
 * Errors are thrown for the delivery road to retry; sends to one conversation are paced.
 */
export class TeamsMessenger {
  private readonly pacer = new ConversationPacer();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly config: Config,
    private readonly references: ConversationReferences,
  ) {}

  async postToChannel(channelId: string, activity: Partial<Activity>): Promise<PostedCard> {
    const stored = await this.references.forChannel(channelId);
    const reference: Partial<ConversationReference> = stored ?? {
      channelId: 'msteams',
      serviceUrl: this.config.TEAMS_SERVICE_URL,
      conversation: { id: channelId, isGroup: true, conversationType: 'channel', name: '', tenantId: this.config.MICROSOFT_APP_TENANT_ID },
    };
    // A post to the channel's own id starts a new thread there.
    const channelReference = { ...reference, conversation: { ...reference.conversation!, id: channelId } };
    return this.send(channelReference, activity);
  }

  async sendToPerson(personId: string, activity: Partial<Activity>): Promise<PostedCard> {
    const reference = await this.references.forPerson(personId);
    if (reference) return this.send(reference, activity);
    return this.openChatAndSend(personId, activity);
  }

  async update(where: PostedCard, activity: Partial<Activity>): Promise<void> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: where.serviceUrl,
      conversation: { id: where.conversationId, isGroup: where.conversationId.startsWith('19:'), conversationType: '', name: '' },
    };
    await this.pacer.wait(where.conversationId);
    await this.proactively(reference, async (context) => {
      await context.updateActivity({ ...activity, type: 'message', id: where.activityId });
    });
  }

  private async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<PostedCard> {
    const conversationId = reference.conversation!.id;
    await this.pacer.wait(conversationId);
    let activityId = '';
    await this.proactively(reference, async (context: TurnContext) => {
      activityId = (await context.sendActivity(activity))?.id ?? '';
    });
    return { conversationId, activityId, serviceUrl: reference.serviceUrl ?? this.config.TEAMS_SERVICE_URL };
  }

  /** Teams opens a 1:1 chat with a user of the tenant who has the app (POST /v3/conversations). */
  private async openChatAndSend(personId: string, activity: Partial<Activity>): Promise<PostedCard> {
    const parameters = {
      isGroup: false,
      members: [{ id: personId, name: '' }],
      tenantId: this.config.MICROSOFT_APP_TENANT_ID,
      channelData: { tenant: { id: this.config.MICROSOFT_APP_TENANT_ID } },
    } as unknown as ConversationParameters;
    let posted: PostedCard | undefined;
    let failure: { error: unknown } | undefined;
    await this.adapter.createConversationAsync(this.botAppId(), 'msteams', this.config.TEAMS_SERVICE_URL, '', parameters, async (context) => {
      try {
        const conversationId = context.activity.conversation.id;
        await this.pacer.wait(conversationId);
        const sent = await context.sendActivity(activity);
        posted = { conversationId, activityId: sent?.id ?? '', serviceUrl: this.config.TEAMS_SERVICE_URL };
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    if (!posted) throw new Error('Teams did not open a chat with the person');
    return posted;
  }

  /**
   * Runs `send` in a proactive turn and throws what it threw. The adapter hands an error inside
   * the turn to its `onTurnError` (which logs it and carries on), so without this a refused send
   * would look delivered and never be retried.
   */
  private async proactively(reference: Partial<ConversationReference>, send: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId(), reference, async (context) => {
      try {
        await send(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
  }

  private botAppId(): string {
    return this.config.MICROSOFT_APP_ID ?? '';
  }
}
