import type { Collection, Db, Filter } from 'mongodb';

import type { IsoDate } from '../../domain/calendar';
import { insertedFresh, isDuplicateKey } from '../database/duplicateKey';
import { createIndexesOneByOne } from '../database/indexes';
import type { CaseIndexFields, CaseState } from '../../domain/workflow';
import { DueDays } from './dueDays';

/**
 * The `cases` collection: one small document per case with what the queues filter and sort on
 * (stage, status, people, next due date, who holds the next action). It is derived from the
 * case log and rewritten after every commit; when two writers race, the one that finds a newer
 * commit than its own rewrites it, so it settles on the latest version.
 *
 * It deliberately does not hold the folded case (history, answers, sections): that made each
 * record ~14 KB, and a queue that filters a few thousand cases and sorts them by due date reads
 * every one of them. The state is read from the log (`CaseStates`) for the few cases shown.
 */

export interface CaseRecord extends CaseIndexFields {
  _id: string;
  /** The month of `nextDue` ("2026-11"), or "none": the bucket a queue is read by (see `openSoonestDue`). */
  dueMonth: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const optionalFields = ['darsContactId', 'nextDue', 'remindOn'] as const satisfies readonly (keyof CaseIndexFields)[];

/** The `dueMonth` of a case with no due date (the clock paused, or nothing due). */
export const noDueMonth = 'none';

/** The record's fields besides its id and times, as every writer (and the benchmark's seeding) stores them. */
export function recordFields(fields: CaseIndexFields, version: number): Omit<CaseRecord, '_id' | 'createdAt' | 'updatedAt'> {
  return { ...fields, dueMonth: fields.nextDue?.slice(0, 7) ?? noDueMonth, version };
}

export class CaseIndex {
  readonly cases: Collection<CaseRecord>;
  readonly dueDays: DueDays;

  constructor(db: Db) {
    this.cases = db.collection<CaseRecord>('cases');
    this.dueDays = new DueDays(db);
  }

  /** Indexes for the queues people ask for. */
  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.cases, [
      { key: { stage: 1, status: 1, nextDue: 1 }, name: 'stageQueue' },
      { key: { open: 1, dueMonth: 1 }, name: 'dueMonthQueue' },
      { key: { darsContactId: 1, open: 1, nextDue: 1 }, name: 'darsContactQueue' },
      { key: { applicantId: 1, createdAt: -1 }, name: 'applicantCases' },
      { key: { memberIds: 1 }, name: 'memberCases' },
      { key: { open: 1, nextDue: 1 }, name: 'nextDeadline' },
      { key: { holderRoles: 1, nextDue: 1 }, name: 'roleQueue' },
      { key: { holderIds: 1, nextDue: 1 }, name: 'personQueue' },
    ]);
  }

  get(caseId: string): Promise<CaseRecord | null> {
    return this.cases.findOne({ _id: caseId });
  }

  /**
   * Writes the projection of `version` unless a newer one is already there: one upsert. When a
   * newer one exists the upsert's insert collides on `_id`, which is the answer "keep the newer".
   * `created`: the case's first commit, so most likely no record yet: a plain insert, which costs
   * FerretDB less than an upsert (that reads first); if one is there after all, the upsert runs.
   */
  async write(caseId: string, version: number, fields: CaseIndexFields, state: CaseState, now: Date, created = false): Promise<void> {
    const record = { ...recordFields(fields, version), updatedAt: now };
    if (fields.nextDue) await this.dueDays.note(fields.nextDue);
    if (created) {
      // Without the optional fields it lacks: the driver would store an undefined one as null.
      const present = Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
      if (await insertedFresh(this.cases, { _id: caseId, ...present, createdAt: new Date(state.openedAt) } as CaseRecord)) return;
    }
    // Optional fields the new projection lacks are removed, or a closed case would keep its
    // last due date and a case whose contact left would keep them.
    const absent = optionalFields.filter((field) => fields[field] === undefined);
    try {
      await this.cases.updateOne(
        { _id: caseId, version: { $lt: version } },
        {
          $set: record,
          $setOnInsert: { createdAt: new Date(state.openedAt) },
          ...(absent.length > 0 ? { $unset: Object.fromEntries(absent.map((field) => [field, ''])) } : {}),
        },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /**
   * Open cases matching `filter`, soonest due first (those with no due date first, as MongoDB
   * sorts a missing field), then by reference, at most `limit`.
   *
   * One query with that sort makes FerretDB 1.24 fetch and sort every case the filter matches
   * (thousands, for a busy stage: ~0.5 s at 100,000 cases). So the queue is read a month at a
   * time — the undated cases, then each month some case is due in — with one equality query
   * each, until it has `limit` cases; FerretDB then sorts one month's cases, not all of them.
   */
  async openSoonestDue(filter: Filter<CaseRecord>, limit: number): Promise<CaseRecord[]> {
    const months = [...new Set((await this.dueDays.upTo('9999-12-31')).map((day) => day.slice(0, 7)))];
    const found: CaseRecord[] = [];
    for (const month of [noDueMonth, ...months]) {
      const query = { ...filter, open: true, dueMonth: month };
      found.push(...(await this.cases.find(query).sort({ nextDue: 1, _id: 1 }).limit(limit - found.length).toArray()));
      if (found.length >= limit) break;
    }
    return found;
  }

  /**
   * Open cases due on or before `last`, soonest first (then by reference), at most `limit`:
   * one equality query per listed due day (see DueDays for why not one range query).
   */
  async openDueUpTo(last: IsoDate, options: { readonly today: IsoDate; readonly limit?: number }): Promise<CaseRecord[]> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const found: CaseRecord[] = [];
    for (const day of await this.dueDays.upTo(last)) {
      if (found.length >= limit) break;
      const query = this.cases.find({ open: true, nextDue: day }).sort({ _id: 1 });
      const cases = await (Number.isFinite(limit) ? query.limit(limit - found.length) : query).toArray();
      if (cases.length === 0) await this.dueDays.settle(day, options.today);
      found.push(...cases);
    }
    return found;
  }

  /**
   * Cases where the person is the applicant or an invited member, newest first. Two queries
   * rather than one `$or`: FerretDB 1.24 sends only top-level equalities to its backend, so an
   * `$or` would read every case; each half here is one indexed lookup (on MongoDB too).
   */
  async forApplicant(personId: string, limit = 20): Promise<CaseRecord[]> {
    const newestFirst = { createdAt: -1, _id: 1 } as const;
    const halves = await Promise.all([
      this.cases.find({ applicantId: personId }).sort(newestFirst).limit(limit).toArray(),
      this.cases.find({ memberIds: personId }).sort(newestFirst).limit(limit).toArray(),
    ]);
    return mergeDistinct(halves, (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || compareText(a._id, b._id), limit);
  }
}

/** Text order as the server sorts strings (code units, not the locale's collation). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first `limit` distinct records of several sorted lists, in `order`. */
export function mergeDistinct(lists: readonly CaseRecord[][], order: (a: CaseRecord, b: CaseRecord) => number, limit: number): CaseRecord[] {
  const byId = new Map<string, CaseRecord>();
  for (const record of lists.flat()) byId.set(record._id, record);
  return [...byId.values()].sort(order).slice(0, limit);
}
