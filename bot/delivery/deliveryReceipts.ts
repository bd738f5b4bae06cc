import type { Collection, Db } from 'mongodb';

import { isDuplicateKey } from '../../services/storage/database/duplicateKey';

/**
 * One outbox entry can reach several people (a notice to the applicant and every member). A
 * receipt per target, inserted after each successful send, lets a retry after a partial failure
 * skip the people already reached instead of telling them twice. (A card's receipt is its
 * posted-card record, which names the entries that sent it: `PostedCards.sentBy`.)
 */
interface Receipt {
  _id: string;
  at: Date;
}

export class DeliveryReceipts {
  private readonly receipts: Collection<Receipt>;
  private readonly db: Db;

  /**
   * @param noneWritten true for the first attempt at an entry (`noneYet`): receipts are only
   * written by an attempt, so there are none to look for.
   */
  constructor(db: Db, private readonly noneWritten = false) {
    this.db = db;
    this.receipts = db.collection<Receipt>('deliveryReceipts');
  }

  /** False on an entry's first attempt: nothing of it was sent yet, so there is no receipt (of any kind) to look for. */
  get mayExist(): boolean {
    return !this.noneWritten;
  }

  /** The receipts for the first attempt at an entry: nothing sent yet, so `once` sends without looking. */
  noneYet(): DeliveryReceipts {
    return new DeliveryReceipts(this.db, true);
  }

  async ensureIndexes(): Promise<void> {
    await this.receipts.createIndex({ at: 1 }, { name: 'at' });
  }

  /** Runs `send` for this entry and target unless a receipt says it was done. */
  async once(entryId: string, target: string, send: () => Promise<void>): Promise<void> {
    const id = `${entryId}#${target}`;
    if (!this.noneWritten && (await this.receipts.findOne({ _id: id }))) return;
    await send();
    try {
      await this.receipts.insertOne({ _id: id, at: new Date() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}
