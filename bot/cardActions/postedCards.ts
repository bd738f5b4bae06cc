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
   * post. A card sent again replaces the record (the newest one is the one to update).
   */
  async remember(caseId: string, card: string, where: PostedCard, viewer?: string): Promise<void> {
    const id = `${caseId}:${card}${viewer ? `:${viewer}` : ''}`;
    const record = { caseId, card, ...where, ...(viewer ? { viewer } : {}) };
    await upsertRetryingDuplicates(() => this.posted.replaceOne({ _id: id }, record, { upsert: true }));
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
