import type { Storage, StoreItems } from 'botbuilder';
import type { Collection, Db } from 'mongodb';

import { isDuplicateKey } from '../services/database/duplicateKey';

/**
 * botbuilder `Storage` on MongoDB, for conversation, user and dialog state, so that any bot
 * process on the same database can take any turn.
 *
 * The eTag rules are MemoryStorage's: an item written without an eTag, or with `*`, always
 * wins; an item written with an eTag replaces only the item stored with that eTag, and a stale
 * eTag is a conflict (`StorageConflictError`). Items round-trip through JSON as in MemoryStorage
 * (which also keeps dialog-state keys such as `$instance` out of field names).
 *
 * Why versions are inserted rather than updated in place: FerretDB 1.x applies a conditional
 * update as read-then-write without a lock, so two writers holding the same eTag can both
 * "match". An insert with a unique `_id` is atomic on every server, so each write inserts the
 * next version of the item (`<key>#<n>`, eTag `n`), and a duplicate `_id` is the conflict.
 * Older versions are deleted once a newer one is in place.
 */

interface StoredVersion {
  _id: string;
  key: string;
  n: number;
  json: string;
  writtenAt: Date;
}

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

const maxForcedWriteAttempts = 20;

export class MongoStorage implements Storage {
  private readonly versions: Collection<StoredVersion>;

  constructor(db: Db, collectionName = 'botState') {
    this.versions = db.collection<StoredVersion>(collectionName);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    if (keys.length === 0) return {};
    const found = await this.versions.find({ key: { $in: keys } }).toArray();
    const latest = new Map<string, StoredVersion>();
    for (const version of found) {
      if ((latest.get(version.key)?.n ?? -1) < version.n) latest.set(version.key, version);
    }
    const result: StoreItems = {};
    for (const [key, version] of latest) result[key] = { ...JSON.parse(version.json), eTag: String(version.n) };
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeItem(key, item ?? {})));
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length > 0) await this.versions.deleteMany({ key: { $in: keys } });
  }

  private async writeItem(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...content } = item;
    const json = JSON.stringify(content);
    const expected = typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : undefined;

    if (expected === undefined) return this.forceWrite(key, json);

    const latest = await this.latestVersion(key);
    // As in MemoryStorage, an eTag on an item that does not exist yet is no conflict.
    if (latest === undefined) return this.insertOrConflict(key, 1, json);
    if (String(latest) !== expected) throw new StorageConflictError(key);
    await this.insertOrConflict(key, latest + 1, json);
  }

  /** `*` or no eTag: this write wins, whatever was written meanwhile. */
  private async forceWrite(key: string, json: string): Promise<void> {
    for (let attempt = 0; attempt < maxForcedWriteAttempts; attempt++) {
      const next = ((await this.latestVersion(key)) ?? 0) + 1;
      try {
        await this.insertVersion(key, next, json);
        return;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    throw new StorageConflictError(key);
  }

  private async insertOrConflict(key: string, n: number, json: string): Promise<void> {
    try {
      await this.insertVersion(key, n, json);
    } catch (error) {
      if (isDuplicateKey(error)) throw new StorageConflictError(key);
      throw error;
    }
    // A writer holding a very old eTag could insert a version number that was already used
    // and cleaned up; if ours is not the newest now, it lost.
    if ((await this.latestVersion(key)) !== n) {
      await this.versions.deleteOne({ _id: versionId(key, n) });
      throw new StorageConflictError(key);
    }
  }

  private async insertVersion(key: string, n: number, json: string): Promise<void> {
    await this.versions.insertOne({ _id: versionId(key, n), key, n, json, writtenAt: new Date() });
    await this.versions.deleteMany({ key, n: { $lt: n } });
  }

  private async latestVersion(key: string): Promise<number | undefined> {
    const [latest] = await this.versions.find({ key }, { projection: { n: 1 } }).sort({ n: -1 }).limit(1).toArray();
    return latest?.n;
  }

  /** Creates the collection and its index; call once at start. */
  async ensureIndexes(): Promise<void> {
    await this.versions.createIndex({ key: 1, n: -1 }, { name: 'keyVersion' });
  }
}

const versionId = (key: string, n: number) => `${key}#${n}`;
