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
  }

  async forPerson(aadObjectId: string): Promise<Partial<ConversationReference> | undefined> {
    return (await this.references.findOne({ _id: personKey(aadObjectId) }))?.reference;
  }

  /** Teams user ids ("29:…") of these people, for those who have talked to the bot. */
  async teamsUserIds(personIds: readonly string[]): Promise<string[]> {
    // One lookup by `_id` each: FerretDB 1.24 sends an `$in` to PostgreSQL with no WHERE clause,
    // reading every reference ever stored; an equality is an index lookup. (Card views name a
    // handful of people.)
    const found = await Promise.all([...new Set(personIds)].map((id) => this.references.findOne({ _id: personKey(id) })));
    return found.flatMap((stored) => (stored?.reference.user?.id ? [stored.reference.user.id] : []));
  }

  async forChannel(channelId: string): Promise<Partial<ConversationReference> | undefined> {
    return (await this.references.findOne({ _id: channelKey(channelId) }))?.reference;
  }
}

const personKey = (aadObjectId: string) => `person:${aadObjectId}`;
const channelKey = (conversationId: string) => `channel:${conversationId}`;
