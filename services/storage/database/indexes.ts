import type { Collection, Document, IndexDescription } from 'mongodb';

/**
 * Creates indexes one command at a time. FerretDB 1.24 sometimes drops the connection when one
 * createIndexes command creates several indexes on a new collection; one at a time it does not.
 * (Creating an index that exists is a no-op everywhere, so this is safe to run at every start.)
 */
export async function createIndexesOneByOne<T extends Document>(collection: Collection<T>, indexes: IndexDescription[]): Promise<void> {
  for (const { key, ...options } of indexes) await collection.createIndex(key, options);
}
