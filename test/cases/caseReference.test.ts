import assert from 'node:assert/strict';

import { firstUnclaimed, formatCaseReference, nextCaseReference } from '../../services/storage/cases/caseReference';
import { freshDatabase } from '../support/testDatabase';

describe('Case references', () => {
  it('finds the first unclaimed number from any starting hint, by lookups alone', async () => {
    for (const claimedUpTo of [0, 1, 2, 7, 64, 1000, 99_998]) {
      for (const hint of [0, Math.floor(claimedUpTo / 2), claimedUpTo]) {
        const asked: number[] = [];
        const next = await firstUnclaimed(hint, async (n) => (asked.push(n), n <= claimedUpTo));
        assert.equal(next, claimedUpTo + 1, `claimed 1…${claimedUpTo}, starting from ${hint}`);
        assert.ok(asked.length <= 2 * Math.ceil(Math.log2(claimedUpTo + 2)) + 2, `${asked.length} lookups for ${claimedUpTo} claims`);
      }
    }
  });

  it('hands out distinct, consecutive references to callers at the same moment, on the real database', async () => {
    const { db } = freshDatabase('caseReference');
    const now = new Date('2026-11-30T12:00:00Z');
    const references = await Promise.all(Array.from({ length: 12 }, () => nextCaseReference(db, now)));
    assert.deepEqual([...references].sort(), Array.from({ length: 12 }, (_, i) => formatCaseReference(2026, i + 1)));
  });
});
