import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';

import { MongoClient } from 'mongodb';

import { WireCounter } from '../../bench/wireCounter';
import { freshDatabase, testDatabaseUri } from '../support/testDatabase';

/**
 * The benchmark's round-trip figures come from this proxy: it must pass the driver's traffic
 * through unchanged and note exactly the commands the client sent, by name and collection,
 * leaving out the driver's own heartbeats.
 */
describe('the benchmark counts database round trips on the wire', () => {
  it('notes each command a client sends through it, and nothing of the driver’s own', async () => {
    const { name } = freshDatabase('wire');
    const counter = await WireCounter.start(testDatabaseUri());
    const client = await MongoClient.connect(counter.uriFor(testDatabaseUri()));
    try {
      const states = client.db(name).collection<{ _id: string; n: number }>('states');
      await states.insertOne({ _id: 'a', n: 1 });
      const from = performance.now();
      await states.insertOne({ _id: 'b', n: 2 });
      const found = await states.findOne({ _id: 'b' });
      await states.updateOne({ _id: 'b' }, { $set: { n: 3 } });
      const counted = counter.between(from, performance.now());

      assert.deepEqual(found, { _id: 'b', n: 2 }, 'answers come back through the proxy unchanged');
      assert.deepEqual(
        counted.map((command) => `${command.name} ${command.collection}`),
        ['insert states', 'find states', 'update states'],
      );
    } finally {
      await client.close();
      await counter.close();
    }
  });
});
