import { randomUUID } from 'node:crypto';

import type { TestBot } from './testBot';
import type { ConnectorStandIn, SentActivity } from './connectorStandIn';

/**
 * Activities as Teams sends them, POSTed to the bot's /api/messages, so tests read like a
 * conversation: `await chat.say('new enquiry')` returns what the bot answered in that turn.
 */

export const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const botAccount = { id: '28:dars-bot', name: 'DARS Bot' };

export interface TeamsUser {
  readonly aadObjectId: string;
  readonly name: string;
}

/**
 * An activity as Teams POSTs it to the bot: `activity` (type, text, value…) from `user` in
 * `conversation`, with the connector's `serviceUrl`. Shared by the tests, the benchmark and the
 * terminal chat, so all three speak to the bot alike.
 */
export function teamsActivity(
  user: TeamsUser,
  serviceUrl: string,
  conversation: Record<string, unknown>,
  activity: Record<string, unknown>,
  channelData: Record<string, unknown> = { tenant: { id: tenantId } },
): Record<string, unknown> {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: botAccount,
    conversation,
    channelData,
    locale: 'en-GB',
    ...activity,
  };
}

/** The 1:1 chat between a person and the bot, as Teams names it in activities. */
export function personalConversation(user: TeamsUser, id = `a:personal-${user.aadObjectId}`): Record<string, unknown> {
  return { id, conversationType: 'personal', tenantId };
}

export function teamsUser(name: string): TeamsUser {
  return { aadObjectId: randomUUID(), name };
}

export interface InvokeResult {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly sent: SentActivity[];
}

abstract class TeamsConversation {
  constructor(
    protected readonly bot: TestBot,
    protected readonly connector: ConnectorStandIn,
    readonly user: TeamsUser,
    readonly conversationId: string,
  ) {}

  protected abstract conversation(): Record<string, unknown>;
  protected abstract channelData(): Record<string, unknown>;

  /** What the bot sent to this conversation so far (typing indicators excluded). */
  messages(): SentActivity[] {
    return this.connector.sent(this.conversationId).filter((activity) => activity.type === 'message');
  }

  /** Typing indicators the bot sent to this conversation. */
  typingIndicators(): SentActivity[] {
    return this.connector.sent(this.conversationId).filter((activity) => activity.type === 'typing');
  }

  /** POSTs one activity and returns the HTTP answer plus the messages the bot sent meanwhile. */
  async post(activity: Record<string, unknown>, conversation = this.conversation()): Promise<InvokeResult> {
    const conversationId = String(conversation.id);
    const messagesHere = () => this.connector.sent(conversationId).filter((sent) => sent.type === 'message');
    const before = messagesHere().length;
    const incoming = teamsActivity(this.user, this.connector.url, conversation, activity, this.channelData());
    const response = await fetch(`${this.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(incoming),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      // The turn's answers (botbuilder replies to the activity), not a proactive delivery that
      // happened to reach this chat meanwhile (a card the delivery road sends on its own time).
      sent: messagesHere().slice(before).filter((sent) => sent.replyToId === incoming.id),
    };
  }

  /** An Action.Execute click on a card: an `adaptiveCard/action` invoke. */
  async execute(verb: string, data: Record<string, unknown>, replyToId?: string): Promise<InvokeResult> {
    return this.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }
}

/** The 1:1 chat between one person and the bot. */
export class PersonalChat extends TeamsConversation {
  constructor(bot: TestBot, connector: ConnectorStandIn, user: TeamsUser) {
    super(bot, connector, user, `a:personal-${user.aadObjectId}`);
  }

  /** Points this chat at another bot process on the same database (scale-out, restarts). */
  on(bot: TestBot): PersonalChat {
    return new PersonalChat(bot, this.connector, this.user);
  }

  protected conversation() {
    return personalConversation(this.user, this.conversationId);
  }

  protected channelData() {
    return { tenant: { id: tenantId } };
  }

  /** The person types `text`; resolves with the bot's messages in answer. */
  async say(text: string): Promise<SentActivity[]> {
    const result = await this.post({ type: 'message', text, textFormat: 'plain' });
    if (result.status >= 300) throw new Error(`The bot answered HTTP ${result.status} to "${text}"`);
    return result.sent;
  }

  /** An Action.Submit click (or the fallback of an Action.Execute): a message carrying `value`. */
  async submit(value: Record<string, unknown>): Promise<SentActivity[]> {
    const result = await this.post({ type: 'message', value });
    if (result.status >= 300) throw new Error(`The bot answered HTTP ${result.status} to a card submit`);
    return result.sent;
  }
}

/** A staff channel in a team, where people @mention the bot. */
export class TeamChannel extends TeamsConversation {
  constructor(bot: TestBot, connector: ConnectorStandIn, user: TeamsUser, readonly channelId: string) {
    super(bot, connector, user, channelId);
  }

  protected conversation() {
    return { id: this.channelId, conversationType: 'channel', isGroup: true, tenantId };
  }

  protected channelData() {
    return { tenant: { id: tenantId }, teamsChannelId: this.channelId, channel: { id: this.channelId }, team: { id: this.channelId } };
  }

  /**
   * "@DARS Bot <text>" as a new post in the channel. Teams gives a channel thread the id
   * `<channel id>;messageid=<post id>`, so the bot's answers (in that thread) are told apart
   * from what it posts to the channel meanwhile.
   */
  async mention(text: string): Promise<SentActivity[]> {
    const postId = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const result = await this.post(
      {
        id: postId,
        type: 'message',
        text: `<at>${botAccount.name}</at> ${text}`,
        entities: [{ type: 'mention', mentioned: botAccount, text: `<at>${botAccount.name}</at>` }],
      },
      { ...this.conversation(), id: `${this.channelId};messageid=${postId}` },
    );
    return result.sent;
  }
}

/** The Adaptive Card in an activity, if it carries one. */
export function cardOf(activity: SentActivity | undefined): Record<string, unknown> | undefined {
  return activity?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** All the text a person would read in a message: its text and every TextBlock/FactSet of its card. */
export function readableText(activity: SentActivity | undefined): string {
  if (!activity) return '';
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.text === 'string') parts.push(element.text);
    if (typeof element.title === 'string') parts.push(element.title);
    if (typeof element.value === 'string' && element.type !== 'Input.Text') parts.push(element.value);
    Object.values(element).forEach(walk);
  };
  walk(cardOf(activity));
  return parts.join('\n');
}
