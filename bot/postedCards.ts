import type { Collection, Db } from 'mongodb';

/**
 * Where each card about a case was posted (conversation and activity id), so that a later
 * change updates the card in place for everyone (`updateActivity`) instead of posting anew.
 */
export interface PostedCard {
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
}

interface StoredPostedCard extends PostedCard {
  _id: string;
  caseId: string;
  card: string;
}

export class PostedCards {
  private readonly posted: Collection<StoredPostedCard>;

  constructor(db: Db) {
    this.posted = db.collection<StoredPostedCard>('postedCards');
  }

  async ensureIndexes(): Promise<void> {
    await this.posted.createIndex({ caseId: 1 }, { name: 'caseCards' });
  }

  async remember(caseId: string, card: string, where: PostedCard): Promise<void> {
    await this.posted.replaceOne({ _id: `${caseId}:${card}` }, { caseId, card, ...where }, { upsert: true });
  }

  async find(caseId: string, card: string): Promise<PostedCard | undefined> {
    return (await this.posted.findOne({ _id: `${caseId}:${card}` })) ?? undefined;
  }
}
