import type { Collection, Db } from 'mongodb';

import { upsertRetryingDuplicates } from '../../services/storage/database/duplicateKey';

/**
 * Where each card about a case was posted (conversation and activity id), so that a later
 * change updates the card in place for everyone (`updateActivity`) instead of posting anew.
 */
export interface PostedCard {
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
}

export interface StoredPostedCard extends PostedCard {
  _id: string;
  caseId: string;
  card: string;
  /** The person a 1:1 card was sent to; absent for channel posts. */
  viewer?: string;
  /**
   * The outbox entries that sent this card here: the card's delivery receipt, so a retried
   * entry does not send it twice, with no receipt of its own to write.
   */
  entryIds?: string[];
}

export class PostedCards {
  private readonly posted: Collection<StoredPostedCard>;

  constructor(db: Db) {
    this.posted = db.collection<StoredPostedCard>('postedCards');
  }

  async ensureIndexes(): Promise<void> {
    await this.posted.createIndex({ caseId: 1 }, { name: 'caseCards' });
    await this.posted.createIndex({ activityId: 1 }, { name: 'byActivity' });
  }

  /**
   * `card` names the card; `viewer` is the person it was sent to in 1:1, or absent for a channel
   * post; `entryId` the outbox entry that sent it. A card sent again replaces where it is (the
   * newest one is the one to update) and adds its entry.
   */
  async remember(caseId: string, card: string, where: PostedCard, entryId: string, viewer?: string): Promise<void> {
    const record = { caseId, card, conversationId: where.conversationId, activityId: where.activityId, serviceUrl: where.serviceUrl, ...(viewer ? { viewer } : {}) };
    await upsertRetryingDuplicates(() => this.posted.updateOne({ _id: postedCardId(caseId, card, viewer) }, { $set: record, $addToSet: { entryIds: entryId } }, { upsert: true }));
  }

  /** Whether this outbox entry already sent the card there (a retry after a later step failed). */
  async sentBy(entryId: string, caseId: string, card: string, viewer?: string): Promise<boolean> {
    const stored = await this.posted.findOne({ _id: postedCardId(caseId, card, viewer) }, { projection: { entryIds: 1 } });
    return stored?.entryIds?.includes(entryId) ?? false;
  }

  /** Every card posted or sent for the case, optionally only those named. */
  forCase(caseId: string, cards?: readonly string[]): Promise<StoredPostedCard[]> {
    return this.posted.find({ caseId, ...(cards ? { card: { $in: [...cards] } } : {}) }).toArray();
  }

  /** The card a click came from, by the activity id Teams gives as `replyToId`. */
  async byActivity(activityId: string): Promise<StoredPostedCard | undefined> {
    return (await this.posted.findOne({ activityId })) ?? undefined;
  }
}

const postedCardId = (caseId: string, card: string, viewer?: string) => `${caseId}:${card}${viewer ? `:${viewer}` : ''}`;
