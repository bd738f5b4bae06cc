import assert from 'node:assert/strict';

import { upsertRetryingDuplicates } from '../../services/storage/database/duplicateKey';
import { freshDatabase } from '../support/testDatabase';

/**
 * Upserts of one new `_id` at the same moment: without the retry some fail with a duplicate key
 * (on FerretDB, which applies an update as an unlocked read-then-write, and on MongoDB); with it
 * every one succeeds and one document results, holding one of the values written.
 */
describe('upsertRetryingDuplicates', () => {
  it('30 concurrent upserts of one new document all succeed, leaving one document', async () => {
    const records = freshDatabase('upserts').db.collection<{ _id: string; writer: number }>('records');
    await records.createIndex({ writer: 1 }); // creates the collection before the race
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, writer) => upsertRetryingDuplicates(() => records.updateOne({ _id: 'person:new' }, { $set: { writer } }, { upsert: true }))),
    );
    assert.deepEqual(results.filter((result) => result.status === 'rejected').map((result) => String((result as PromiseRejectedResult).reason)), []);
    const stored = await records.find({}).toArray();
    assert.equal(stored.length, 1);
    assert.ok(stored[0].writer >= 0 && stored[0].writer < 30);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await assert.rejects(
      upsertRetryingDuplicates(async () => {
        attempts += 1;
        throw Object.assign(new Error('not allowed'), { code: 13 });
      }),
      /not allowed/,
    );
    assert.equal(attempts, 1);
  });
});
