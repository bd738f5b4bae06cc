import assert from 'node:assert/strict';

import { recordFields, type CaseRecord } from '../../services/storage/cases/caseIndex';
import type { CaseStatus } from '../../services/domain/workflow';
import { dana } from '../workflow/support/people';
import { caseStore, commandsToReach, replay, type RecordedCommand } from './caseStoreFixture';

/** The same journey for another case: only the reference differs. */
function journeyFor(reference: string, status: Exclude<CaseStatus, 'new'>): RecordedCommand[] {
  return commandsToReach(status).map((step) =>
    step.command.type === 'submitEnquiry' ? { ...step, command: { ...step.command, reference } } : step,
  );
}

describe('Case queries: status, staff queues and overdue cases', () => {
  let store: Awaited<ReturnType<typeof caseStore>>;
  let now = new Date('2026-06-01T09:00:00Z');

  before(async () => {
    store = await caseStore('queries', () => now);
    const cases: [string, Exclude<CaseStatus, 'new'>][] = [
      ['DARS-2026-00001', 'enquiryUnderReview'],
      ['DARS-2026-00002', 'enquiryUnderReview'],
      ['DARS-2026-00003', 'awaitingDarsContact'],
      ['DARS-2026-00004', 'underAcceptanceReview'],
      ['DARS-2026-00005', 'inReview'],
      ['DARS-2026-00006', 'withdrawn'],
    ];
    for (const [reference, status] of cases) await replay(store.commands, reference, journeyFor(reference, status), reference);
  });

  it('tells the status of a case: stage, next action, who holds it and when it is due', async () => {
    const status = await store.queries.status('DARS-2026-00004');
    assert.equal(status?.stage, 'application');
    assert.equal(status?.status, 'underAcceptanceReview');
    assert.deepEqual(status?.nextAction?.holders, [{ kind: 'person', id: dana.id, name: dana.name }]);
    assert.match(status?.nextAction?.due ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok((status?.history.length ?? 0) > 5);
    assert.equal(await store.queries.status('DARS-2026-99999'), undefined);
  });

  it('lists the triage queue by stage and status, open cases only', async () => {
    const enquiries = await store.queries.queue({ stage: 'enquiry', status: 'enquiryUnderReview' });
    assert.deepEqual(enquiries.map((record) => record._id).sort(), ['DARS-2026-00001', 'DARS-2026-00002']);
    const all = await store.queries.queue({});
    assert.ok(!all.some((record) => record._id === 'DARS-2026-00006'), 'a withdrawn case is in no queue');
  });

  it('lists the queue of cases waiting on a role (PAG) and "mine" for a DARS contact', async () => {
    const pag = await store.queries.queue({ holderRole: 'pag' });
    assert.deepEqual(pag.map((record) => record._id), ['DARS-2026-00005']);
    const mine = await store.queries.mine(dana.id);
    assert.deepEqual(mine.map((record) => record._id).sort(), ['DARS-2026-00004', 'DARS-2026-00005']);
  });

  it('lists overdue cases once their due date has passed, and none before', async () => {
    assert.deepEqual(await store.queries.overdue(), []);
    now = new Date('2026-09-30T09:00:00Z');
    const overdue = await store.queries.overdue();
    assert.ok(overdue.length >= 4, `overdue: ${overdue.map((record) => `${record._id} due ${record.nextDue}`).join(', ')}`);
    // The walk over due days gives exactly what one range query over every case gives.
    const expected = (await store.index.cases.find({}).toArray())
      .filter((record) => record.open && record.nextDue !== undefined && record.nextDue < '2026-09-30')
      .sort((a, b) => (a.nextDue! < b.nextDue! ? -1 : a.nextDue! > b.nextDue! ? 1 : a._id < b._id ? -1 : 1))
      .map((record) => record._id);
    assert.deepEqual(overdue.map((record) => record._id), expected, 'most overdue first, then by reference');
    assert.deepEqual((await store.queries.overdue(2)).map((record) => record._id), expected.slice(0, 2), 'the limit takes the most overdue');
  });

  it('forgets a due day long past once no open case is due on it, and keeps recent ones', async () => {
    now = new Date('2026-09-30T09:00:00Z');
    await store.index.dueDays.note('2026-01-05');
    await store.index.dueDays.note('2026-09-20');
    await store.queries.overdue();
    const listed = await store.index.dueDays.upTo('2026-12-31');
    assert.ok(!listed.includes('2026-01-05'), 'a day months past with no open case is dropped');
    assert.ok(listed.includes('2026-09-20'), 'a recent day stays: a case could still be given it');
  });

  describe('a queue read month by month gives what one sorted query gives', () => {
    let walk: Awaited<ReturnType<typeof caseStore>>;
    /** Records as CaseIndex.write stores them, straight into the index: only the queue's reading is under test. */
    const record = (n: number, status: 'inReview' | 'drafting', nextDue: string | undefined): CaseRecord => ({
      _id: `DARS-2026-${String(n).padStart(5, '0')}`,
      ...recordFields({
        reference: `DARS-2026-${String(n).padStart(5, '0')}`, stage: status === 'inReview' ? 'assurance' : 'application', status, open: true,
        applicantId: 'someone', memberIds: [], holderRoles: ['assurance'], holderIds: [], ...(nextDue ? { nextDue } : {}),
      }, 1),
      createdAt: new Date('2026-06-01T09:00:00Z'),
      updatedAt: new Date('2026-06-01T09:00:00Z'),
    });

    before(async () => {
      walk = await caseStore('queue-walk');
      const records: CaseRecord[] = [];
      // A busy queue: 60 cases over 20 days of three months (in shuffled order), 4 with no due date; a sparse one: 3 cases in a late month.
      for (let i = 0; i < 60; i++) records.push(record(100 + ((i * 37) % 60), 'inReview', `2026-0${7 + (i % 3)}-${String(1 + (i % 20)).padStart(2, '0')}`));
      for (let i = 0; i < 4; i++) records.push(record(200 + i, 'inReview', undefined));
      for (const [i, day] of ['2026-09-19', '2026-09-20', '2026-09-20'].entries()) records.push(record(300 + i, 'drafting', day));
      await walk.index.cases.insertMany(records);
      for (const day of new Set(records.flatMap((r) => (r.nextDue ? [r.nextDue] : [])))) await walk.index.dueDays.note(day);
    });

    const sortedByServer = async (status: string, limit: number) =>
      (await walk.index.cases.find({ open: true, status: status as never }).sort({ nextDue: 1, _id: 1 }).limit(limit).toArray()).map((r) => r._id);

    for (const [status, limit] of [['inReview', 50], ['inReview', 10], ['inReview', 100], ['drafting', 50]] as const) {
      it(`${status}, ${limit} at most`, async () => {
        const queue = await walk.queries.queue({ status }, limit);
        assert.deepEqual(queue.map((r) => r._id), await sortedByServer(status, limit));
      });
    }

    it('puts the cases with no due date first, then the soonest due', async () => {
      const queue = await walk.queries.queue({ status: 'inReview' }, 6);
      assert.deepEqual(queue.map((r) => r.nextDue), [undefined, undefined, undefined, undefined, '2026-07-01', '2026-07-02']);
    });
  });
});
