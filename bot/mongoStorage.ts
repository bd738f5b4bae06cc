import { randomUUID } from 'node:crypto';

import type { Storage, StoreItems } from 'botbuilder';
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '../services/database/duplicateKey';

/**
 * botbuilder `Storage` on MongoDB, for conversation, user and dialog state, so that any bot
 * process on the same database can take any turn.
 *
 * The eTag rules are MemoryStorage's: an item written without an eTag, or with `*`, always
 * wins; an item written with an eTag replaces only the stored item with that same eTag, and a
 * stale eTag is a conflict (`StorageConflictError`). Items round-trip through JSON as in
 * MemoryStorage, which also keeps dialog state keys such as `$instance` out of field names.
 */

interface StoredItem {
  _id: string;
  eTag: string;
  json: string;
  updatedAt: Date;
}

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

export class MongoStorage implements Storage {
  private readonly items: Collection<StoredItem>;

  constructor(db: Db, collectionName = 'botState') {
    this.items = db.collection<StoredItem>(collectionName);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const found = await this.items.find({ _id: { $in: keys } }).toArray();
    const result: StoreItems = {};
    for (const stored of found) {
      result[stored._id] = { ...JSON.parse(stored.json), eTag: stored.eTag };
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeItem(key, item)));
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.items.deleteMany({ _id: { $in: keys } });
  }

  private async writeItem(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag: expected, ...content } = item ?? {};
    const replacement = { eTag: randomUUID(), json: JSON.stringify(content), updatedAt: new Date() };

    if (expected === undefined || expected === '*' || expected === '') {
      await this.items.replaceOne({ _id: key }, replacement, { upsert: true });
      return;
    }
    const replaced = await this.items.replaceOne({ _id: key, eTag: String(expected) }, replacement);
    if (replaced.matchedCount === 1) return;

    // As in MemoryStorage, an eTag on an item that does not exist yet is no conflict. The insert
    // can still lose a race to another writer, which is then a conflict too.
    try {
      await this.items.insertOne({ _id: key, ...replacement });
    } catch (error) {
      if (isDuplicateKey(error)) throw new StorageConflictError(key);
      throw error;
    }
  }
}
