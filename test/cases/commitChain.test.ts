import assert from 'node:assert/strict';

import { CaseLog, type LoggedEvent } from '../../services/storage/cases/caseLog';
import { genesisHash, verifyChain } from '../../services/storage/cases/commitChain';
import { newOutboxEntry } from '../../services/storage/cases/outbox';
import { canonicalJson } from '../../services/domain/integrity/canonicalJson';
import { freshDatabase } from '../support/testDatabase';

interface NoteEvent extends LoggedEvent {
  readonly note: string;
  readonly extra?: string;
}

describe('The hash chain over a case’s commits, on the real database', () => {
  it('writes one text per value: keys sorted, undefined left out, a Date apart from a string', () => {
    const at = new Date('2026-06-03T10:00:00.123Z');
    assert.equal(canonicalJson({ b: 1, a: [true, null], c: undefined, d: at }), '{"a":[true,null],"b":1,"d":{"$date":"2026-06-03T10:00:00.123Z"}}');
    assert.notEqual(canonicalJson({ d: at }), canonicalJson({ d: at.toISOString() }));
  });

  it('verifies what it wrote once read back, whatever the events held (undefined fields, lone surrogates, Dates in the outbox)', async () => {
    const { db } = freshDatabase('commitchain');
    const log = new CaseLog<NoteEvent>(db);
    await log.ensureIndexes();
    const caseId = 'DARS-2026-00901';
    const now = new Date('2026-06-03T10:00:00.123Z');
    const event = (n: number, note: string): NoteEvent => ({ type: 'noted', at: now.toISOString(), actor: { id: 'a1', name: 'Ada' }, activityId: `act-${n}`, note, extra: undefined });
    let head = genesisHash;
    for (const [n, note] of ['plain', 'a lone surrogate \ud800 in the middle', 'émoji 🦔 and “quotes”'].entries()) {
      const result = await log.commit({ caseId, base: n, key: `act-${n}`, events: [event(n, note)], outbox: [newOutboxEntry({ kind: 'notify', to: 'applicant' }, now)], now, previousHash: head });
      assert.equal(result.kind, 'committed');
      head = (await log.load(caseId)).head;
    }
    const stored = await log.history(caseId);
    assert.deepEqual(verifyChain(caseId, stored, 3), { caseId, intact: true, version: 3, commits: 3 });
    assert.equal(stored[1]!.previousHash, stored[0]!.hash, 'each commit points at the one before');
  });
});
