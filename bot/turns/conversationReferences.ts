import type { ConversationReference, TurnContext } from 'botbuilder';
import { TurnContext as Turn } from 'botbuilder';
import type { Collection, Db } from 'mongodb';

import { upsertRetryingDuplicates } from '../../services/storage/database/duplicateKey';

/**
 * Where the bot can reach a person or a channel later (proactive messages: a decision, a
 * reminder). Saved from incoming activities: a person's 1:1 chat by their Entra object id, a
 * channel by its id. Kept in MongoDB so any bot process can send.
 */
interface StoredReference {
  _id: string;
  reference: Partial<ConversationReference>;
  updatedAt: Date;
}

export class ConversationReferences {
  private readonly references: Collection<StoredReference>;
  /** Conversations this process has already saved, to spare a write on every turn. */
  private readonly saved = new Set<string>();
  /**
   * Channel references this process read or saved in the last minute: every card and notice to
   * a channel needs one (a triage channel, one per decision), and they change only when Teams
   * moves the team to another service address. A send with an outdated one fails and the
   * delivery road retries it; by then, or within the minute, it is read afresh.
   */
  private readonly channels = new Map<string, { reference: Partial<ConversationReference>; until: number }>();
  /** Teams user ids found (or, for a minute, not found), by Entra object id (see `teamsUserIds`). */
  private readonly teamsIds = new Map<string, string | { missingUntil: number }>();

  constructor(db: Db) {
    this.references = db.collection<StoredReference>('conversationReferences');
  }

  /** Creates the collection at start (FerretDB dislikes collections created mid-turn in parallel). */
  async ensureIndexes(): Promise<void> {
    await this.references.createIndex({ updatedAt: 1 }, { name: 'updatedAt' });
  }

  async remember(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const key =
      activity.conversation.conversationType === 'personal' && activity.from.aadObjectId
        ? personKey(activity.from.aadObjectId)
        : channelKey(activity.conversation.id.split(';')[0]);
    const reference = Turn.getConversationReference(activity);
    const fingerprint = `${key}|${reference.serviceUrl}|${reference.conversation?.id}`;
    if (this.saved.has(fingerprint)) return;
    // A person's first messages often come in a burst, each turn saving the same new reference.
    await upsertRetryingDuplicates(() => this.references.updateOne({ _id: key }, { $set: { reference, updatedAt: new Date() } }, { upsert: true }));
    this.saved.add(fingerprint);
    if (activity.conversation.conversationType === 'personal' && activity.from.aadObjectId && activity.from.id) this.rememberTeamsId(activity.from.aadObjectId, activity.from.id);
    if (this.channels.has(key)) this.channels.set(key, { reference, until: Date.now() + keptForMs });
  }

  async forPerson(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    return (await this.references.findOne({ _id: personKey(aadObjectId) }))?.reference;
  }

  /** Teams user ids ("29:…") of these people, for those who have talked to the bot. */
  async teamsUserIds(personIds: readonly string[]): Promise<string[]> {
    // One lookup by `_id` each: FerretDB 1.24 sends an `$in` to PostgreSQL with no WHERE clause,
    // reading every reference ever stored; an equality is an index lookup. A person's Teams id
    // for this bot does not change, so once found it is kept (every channel card names the
    // channel's staff); someone who has not talked to the bot yet is looked up again after a
    // minute, or at once when they talk to this process.
    const now = Date.now();
    const found = await Promise.all([...new Set(personIds)].map(async (id) => {
      const known = this.teamsIds.get(id);
      if (typeof known === 'string') return known;
      if (known && known.missingUntil > now) return undefined;
      const teamsId = (await this.references.findOne({ _id: personKey(id) }))?.reference.user?.id;
      this.rememberTeamsId(id, teamsId ?? { missingUntil: now + keptForMs });
      return teamsId;
    }));
    return found.filter((teamsId): teamsId is string => teamsId !== undefined);
  }

  private rememberTeamsId(personId: string, teamsId: string | { missingUntil: number }): void {
    if (this.teamsIds.size >= maxTeamsIdsKept) this.teamsIds.clear();
    this.teamsIds.set(personId, teamsId);
  }

  async forChannel(channelId: string): Promise<Partial<ConversationReference> | undefined> {
    const key = channelKey(channelId);
    const remembered = this.channels.get(key);
    if (remembered && remembered.until > Date.now()) return remembered.reference;
    const reference = (await this.references.findOne({ _id: key }))?.reference;
    if (reference) this.channels.set(key, { reference, until: Date.now() + keptForMs });
    return reference;
  }
}

/** How long a channel reference, or a person not found, is kept before it is read again. */
const keptForMs = 60_000;
const maxTeamsIdsKept = 100_000;

const personKey = (aadObjectId: string) => `person:${aadObjectId}`;
const channelKey = (conversationId: string) => `channel:${conversationId}`;
