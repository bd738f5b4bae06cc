import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';

import type { AdaptiveCard } from '../cards/render';
import type { Config } from './config';

/**
 * Posts a card as a new thread in a Teams channel: a proactive send to the channel's
 * conversation id (POST /v3/conversations/{channel id}/activities), as Teams documents.
 */
export class ChannelPoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly config: Config,
  ) {}

  async post(channelId: string, card: AdaptiveCard, summary: string): Promise<{ activityId: string; serviceUrl: string }> {
    const reference: Partial<ConversationReference> = {
      channelId: 'msteams',
      serviceUrl: this.config.TEAMS_SERVICE_URL,
      conversation: { id: channelId, isGroup: true, conversationType: 'channel', name: '', tenantId: this.config.MICROSOFT_APP_TENANT_ID },
    };
    let activityId = '';
    await this.adapter.continueConversationAsync(this.config.MICROSOFT_APP_ID ?? '', reference, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card), summary));
      activityId = sent?.id ?? '';
    });
    return { activityId, serviceUrl: this.config.TEAMS_SERVICE_URL };
  }
}
