import type { Storage, StoreItems } from 'botbuilder';
import type { Collection, Db } from 'mongodb';

import { isDuplicateKey } from '../../services/storage/database/duplicateKey';

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
 *
 * A turn costs two round trips, both by equality: reading the item is one `find({ key })`
 * (its newest version; FerretDB hands a top-level equality to PostgreSQL, where `$in` made it
 * read every state document), and writing it with the eTag read is one insert of version
 * `eTag + 1`, with no read first: if that id exists, someone wrote meanwhile. Because the id
 * decides, an old version's id must outlive any turn that could still hold its eTag, or a very
 * late writer could insert a version that was already used and cleaned away. So older versions
 * are not deleted at once: every `cleanUpEvery`th write empties them of their content (a
 * tombstone keeps the id) and deletes tombstones older than `keepTombstonesMs`, a day, far
 * longer than Teams lets a turn run. A write with `*` (or none) reads the newest version and
 * inserts the next, again on a collision.
 */

interface StoredVersion {
  _id: string;
  key: string;
  n: number;
  /** Absent on a tombstone (an older version whose id is kept). */
  json?: string;
  writtenAt: Date;
}

export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

const maxForcedWriteAttempts = 20;
const cleanUpEvery = 8;
const keepTombstonesMs = 24 * 60 * 60 * 1000;

export class MongoStorage implements Storage {
  private readonly versions: Collection<StoredVersion>;

  constructor(db: Db, collectionName = 'botState') {
    this.versions = db.collection<StoredVersion>(collectionName);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found = await Promise.all(keys.map((key) => this.newest(key)));
    const result: StoreItems = {};
    for (const version of found) {
      if (version?.json !== undefined) result[version.key] = { ...JSON.parse(version.json), eTag: String(version.n) };
    }
    return result;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeItem(key, item ?? {})));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.versions.deleteMany({ key })));
  }

  private async writeItem(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...content } = item;
    const json = JSON.stringify(content);
    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') return this.forceWrite(key, json);
    if (!/^\d{1,15}$/.test(eTag)) {
      // Not an eTag this storage gave out: it matches no stored item, and, as in MemoryStorage,
      // an eTag on an item that does not exist yet is no conflict.
      if (await this.newest(key)) throw new StorageConflictError(key);
      return this.insertOrConflict(key, 1, json);
    }
    await this.insertOrConflict(key, Number(eTag) + 1, json);
  }

  /** `*` or no eTag: this write wins, whatever was written meanwhile. */
  private async forceWrite(key: string, json: string): Promise<void> {
    for (let attempt = 0; attempt < maxForcedWriteAttempts; attempt++) {
      const next = ((await this.newest(key))?.n ?? 0) + 1;
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
  }

  private async insertVersion(key: string, n: number, json: string): Promise<void> {
    const now = new Date();
    await this.versions.insertOne({ _id: versionId(key, n), key, n, json, writtenAt: now });
    if (n % cleanUpEvery === 0) await this.cleanUp(key, n, now);
  }

  /** Empties the versions before `n` (their ids stay, see above) and drops day-old tombstones. */
  private async cleanUp(key: string, n: number, now: Date): Promise<void> {
    await this.versions.updateMany({ key, n: { $lt: n }, json: { $exists: true } }, { $unset: { json: '' } });
    await this.versions.deleteMany({ key, n: { $lt: n }, writtenAt: { $lt: new Date(now.getTime() - keepTombstonesMs) } });
  }

  /** The item's newest version: an equality on `key`, sorted over its few versions. */
  private async newest(key: string): Promise<StoredVersion | undefined> {
    const [newest] = await this.versions.find({ key }).sort({ n: -1 }).limit(1).toArray();
    return newest;
  }

  /** Creates the collection and its index; call once at start. */
  async ensureIndexes(): Promise<void> {
    await this.versions.createIndex({ key: 1, n: -1 }, { name: 'keyVersion' });
  }
}

const versionId = (key: string, n: number) => `${key}#${n}`;
