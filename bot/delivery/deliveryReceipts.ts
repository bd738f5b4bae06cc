import type { Collection, Db } from 'mongodb';

import { isDuplicateKey } from '../../services/storage/database/duplicateKey';

/**
 * One outbox entry can reach several people (a notice to the applicant and every member). A
 * receipt per target, inserted after each successful send, lets a retry after a partial failure
 * skip the people already reached instead of telling them twice.
 */
interface Receipt {
  _id: string;
  at: Date;
}

export class DeliveryReceipts {
  private readonly receipts: Collection<Receipt>;

  constructor(db: Db) {
    this.receipts = db.collection<Receipt>('deliveryReceipts');
  }

  async ensureIndexes(): Promise<void> {
    await this.receipts.createIndex({ at: 1 }, { name: 'at' });
  }

  /** Runs `send` for this entry and target unless a receipt says it was done. */
  async once(entryId: string, target: string, send: () => Promise<void>): Promise<void> {
    const id = `${entryId}#${target}`;
    if (await this.receipts.findOne({ _id: id })) return;
    await send();
    try {
      await this.receipts.insertOne({ _id: id, at: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
