import assert from 'node:assert/strict';

import { freshDatabase, testDatabaseDescription } from '../support/testDatabase';

/**
 * The store's speed at volume rests on every lookup being served by an index. On FerretDB 1.24
 * over PostgreSQL that holds only because the launcher adds a GIN twin beside each index FerretDB
 * creates (tools/ferretdb/indextwins.go); on MongoDB the declared index serves it. This checks
 * the plan the server reports — not a timing — so an upgrade or a broken twin cannot quietly
 * bring back whole-collection scans. The benchmark (`npm run bench:cases`) measures the speed.
 */
describe('the database answers an indexed equality from an index', () => {
  it('finds by an indexed field without scanning the collection', async function () {
    if (/SQLite/.test(testDatabaseDescription())) {
      // FerretDB's SQLite backend (used only when PostgreSQL does not answer) has no twins.
      this.skip();
    }
    const { db } = freshDatabase('indexed');
    const commits = db.collection<{ _id: string; caseId: string; base: number }>('commits');
    await commits.createIndex({ caseId: 1, base: 1 }, { name: 'caseHistory' });
    const docs = Array.from({ length: 5000 }, (_, i) => ({ _id: `DARS-2026-${String(i % 500).padStart(5, '0')}#${Math.floor(i / 500)}`, caseId: `DARS-2026-${String(i % 500).padStart(5, '0')}`, base: Math.floor(i / 500) }));
    await commits.insertMany(docs);

    for (const filter of [{ caseId: 'DARS-2026-00042' }, { _id: 'DARS-2026-00042#3' }]) {
      const plan = JSON.stringify(await db.command({ explain: { find: 'commits', filter } }));
      assert.doesNotMatch(plan, /"Seq Scan"|"COLLSCAN"/, `${JSON.stringify(filter)} is looked up, not scanned: ${plan.slice(0, 600)}`);
      assert.match(plan, /Bitmap Heap Scan|Index Scan|IXSCAN|IDHACK|EXPRESS/, `${JSON.stringify(filter)} uses an index`);
    }
    assert.equal((await commits.find({ caseId: 'DARS-2026-00042' }).toArray()).length, 10, 'and finds every match');
  });
});
