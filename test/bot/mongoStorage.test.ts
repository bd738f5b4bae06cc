import assert from 'node:assert/strict';

import type { StoreItems } from 'botbuilder';
import { MongoClient, type CommandStartedEvent } from 'mongodb';

import { MongoStorage, StorageConflictError } from '../../bot/turns/mongoStorage';
import { freshDatabase, testDatabaseUri } from '../support/testDatabase';

describe('MongoStorage (bot state on MongoDB)', () => {
  let storage: MongoStorage;

  beforeEach(async () => {
    storage = new MongoStorage(freshDatabase('storage').db);
    await storage.ensureIndexes();
  });

  async function readOne(key: string): Promise<StoreItems[string] | undefined> {
    return (await storage.read([key]))[key];
  }

  it('reads back what was written, with an eTag, and nothing for unknown keys', async () => {
    await storage.write({ 'msteams/conversations/a': { step: 2, answers: { purpose: 'Study' } } });
    const items = await storage.read(['msteams/conversations/a', 'nobody']);
    assert.deepEqual(Object.keys(items), ['msteams/conversations/a']);
    assert.equal(items['msteams/conversations/a'].step, 2);
    assert.deepEqual(items['msteams/conversations/a'].answers, { purpose: 'Study' });
    assert.equal(typeof items['msteams/conversations/a'].eTag, 'string');
  });

  it('keeps keys that MongoDB would not accept as field names ($ and dots)', async () => {
    await storage.write({ k: { $instance: { 'a.b': 1 } } });
    assert.deepEqual((await readOne('k'))?.$instance, { 'a.b': 1 });
  });

  it('writes with the current eTag and gives a new one', async () => {
    await storage.write({ k: { n: 1 } });
    const first = await readOne('k');
    await storage.write({ k: { ...first, n: 2 } });
    const second = await readOne('k');
    assert.equal(second?.n, 2);
    assert.notEqual(second?.eTag, first?.eTag);
  });

  it('refuses a write with a stale eTag and keeps the newer item', async () => {
    await storage.write({ k: { n: 1 } });
    const stale = await readOne('k');
    await storage.write({ k: { ...stale, n: 2 } });
    await assert.rejects(storage.write({ k: { ...stale, n: 3 } }), StorageConflictError);
    assert.equal((await readOne('k'))?.n, 2);
  });

  it('always writes an item with eTag "*" or without an eTag', async () => {
    await storage.write({ k: { n: 1 } });
    await storage.write({ k: { n: 2, eTag: '*' } });
    assert.equal((await readOne('k'))?.n, 2);
    await storage.write({ k: { n: 3 } });
    assert.equal((await readOne('k'))?.n, 3);
  });

  it('writes a new item even when it carries an eTag, as MemoryStorage does', async () => {
    await storage.write({ fresh: { n: 1, eTag: 'from-elsewhere' } });
    assert.equal((await readOne('fresh'))?.n, 1);
  });

  it('lets exactly one of two writers holding the same eTag win', async () => {
    await storage.write({ k: { n: 0 } });
    const seen = await readOne('k');
    const results = await Promise.allSettled([
      storage.write({ k: { ...seen, n: 1 } }),
      storage.write({ k: { ...seen, n: 2 } }),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected');
    assert.equal(rejected.length, 1);
    assert.ok((rejected[0] as PromiseRejectedResult).reason instanceof StorageConflictError);
    assert.ok([1, 2].includes((await readOne('k'))?.n as number));
  });

  it('deletes items', async () => {
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a']);
    assert.deepEqual(Object.keys(await storage.read(['a', 'b'])), ['b']);
  });

  it('refuses a stale eTag even after older versions were cleaned up', async () => {
    await storage.write({ k: { n: 0 } });
    let current = await readOne('k');
    const stale = current;
    for (let i = 1; i <= 20; i++) {
      await storage.write({ k: { ...current, n: i } });
      current = await readOne('k');
    }
    await assert.rejects(storage.write({ k: { ...stale, n: -1 } }), StorageConflictError);
    assert.equal((await readOne('k'))?.n, 20);
  });

  it('reads an item in one round trip and writes it with its eTag in one, both by equality', async () => {
    const client = await MongoClient.connect(testDatabaseUri(), { monitorCommands: true });
    try {
      const counted = new MongoStorage(client.db(freshDatabase('storageTrips').name));
      await counted.ensureIndexes();
      await counted.write({ k: { n: 1 } });
      const commands: CommandStartedEvent[] = [];
      client.on('commandStarted', (event) => commands.push(event));

      const item = (await counted.read(['k'])).k;
      assert.deepEqual(commands.map((c) => c.commandName), ['find'], 'a read is one find');
      assert.deepEqual(commands[0].command.filter, { key: 'k' }, 'by equality');

      commands.length = 0;
      await counted.write({ k: { ...item, n: 2 } });
      assert.deepEqual(commands.map((c) => c.commandName), ['insert'], 'a write with the eTag read is one insert');
    } finally {
      await client.close();
    }
  });
});
