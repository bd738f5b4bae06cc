import type { Collection, OptionalUnlessRequiredId } from 'mongodb';

/**
 * True when MongoDB refused a write for a unique-index violation. FerretDB reports one caused
 * by an update with code 1 rather than 11000, so both are recognised.
 */
export function isDuplicateKey(error: unknown): boolean {
  const code = (error as { code?: number }).code;
  return code === 11000 || (code === 1 && /duplicate/i.test(String((error as Error).message)));
}

/**
 * Runs an upsert again when it lost a race to create the document. Two upserts of one `_id` that
 * both find nothing both insert, and one gets a duplicate key: on FerretDB, which applies an
 * update as an unlocked read-then-write, and on MongoDB too (it retries only some such upserts
 * itself). By then the document exists, so the next attempt updates it. Only for upserts whose
 * outcome is the same whichever writer goes last (a latest reference, a latest card position).
 */
export async function upsertRetryingDuplicates<T>(upsert: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await upsert();
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Inserts the document unless one with its `_id` (or another unique key) is there: true if it
 * was inserted. The one atomic "first writer wins" on every server (a claim, a receipt), and the
 * cheap first try for a document that most likely does not exist yet (on FerretDB an insert is
 * one statement where an upsert reads first, in a transaction).
 */
export async function insertedFresh<T extends { _id: string }>(collection: Collection<T>, document: T): Promise<boolean> {
  try {
    await collection.insertOne(document as OptionalUnlessRequiredId<T>);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
