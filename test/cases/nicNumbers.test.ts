import assert from 'node:assert/strict';

import { NicNumbers, nicNumberPattern, randomNicNumber } from '../../services/storage/cases/nicNumbers';
import { freshDatabase } from '../support/testDatabase';

/**
 * NIC numbers are claims by insert: against the real test database (FerretDB, where an update
 * would not be atomic), two cases claiming one number at the same moment cannot both get it.
 */
describe('NIC number claims', () => {
  const now = new Date('2026-06-03T10:00:00Z');
  let nics: NicNumbers;

  before(async () => {
    nics = new NicNumbers(freshDatabase('nicNumbers').db);
    await nics.ensureIndexes();
  });

  it('issues numbers in DARS’s format, one per case, the same one again for the same case', async () => {
    for (let i = 0; i < 50; i++) assert.match(randomNicNumber(), nicNumberPattern);
    const first = await nics.issue('DARS-2026-00001', now);
    assert.match(first, nicNumberPattern);
    assert.equal(await nics.issue('DARS-2026-00001', now), first);
    assert.notEqual(await nics.issue('DARS-2026-00002', now), first);
  });

  it('gives an entered number to exactly one of two cases claiming it at once', async () => {
    const claims = await Promise.all(['DARS-2026-00011', 'DARS-2026-00012', 'DARS-2026-00013'].map((caseId) => nics.claim(caseId, 'NIC-111111-SAME1', now)));
    assert.equal(claims.filter((claim) => 'nicNumber' in claim).length, 1, JSON.stringify(claims));
    assert.equal(claims.filter((claim) => 'takenByAnotherCase' in claim).length, 2);
    const winner = ['DARS-2026-00011', 'DARS-2026-00012', 'DARS-2026-00013'][claims.findIndex((claim) => 'nicNumber' in claim)]!;
    // The case holding it may claim it again (a retried click); it is also what that case is issued.
    assert.deepEqual(await nics.claim(winner, 'NIC-111111-SAME1', now), { nicNumber: 'NIC-111111-SAME1' });
    assert.equal(await nics.issue(winner, now), 'NIC-111111-SAME1');
  });
});
