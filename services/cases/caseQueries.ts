import type { Filter } from 'mongodb';

import { londonDate } from '../calendar';
import { caseStatus, type CaseStage, type CaseStatus, type CaseStatusView, type StaffRole } from '../workflow';
import type { CaseIndex, CaseRecord } from './caseIndex';

/**
 * The questions people ask of the cases, answered from the `cases` index: the status of one
 * case, the staff queues (by stage and status, by who holds the next action, by DARS contact),
 * and what is overdue. Queues list open cases, soonest due first.
 */

export interface QueueFilter {
  readonly stage?: CaseStage;
  readonly status?: CaseStatus;
  /** Cases whose next action is held by this role (e.g. PAG's queue). */
  readonly holderRole?: StaffRole;
}

const queueLimit = 50;

export class CaseQueries {
  constructor(
    private readonly index: CaseIndex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async status(reference: string): Promise<CaseStatusView | undefined> {
    const record = await this.index.get(reference);
    return record ? caseStatus(record.state, this.clock()) : undefined;
  }

  /** Open cases at a stage/status or waiting on a role, soonest due first. */
  queue(filter: QueueFilter, limit = queueLimit): Promise<CaseRecord[]> {
    const query: Filter<CaseRecord> = {
      open: true,
      ...(filter.stage ? { stage: filter.stage } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.holderRole ? { holderRoles: filter.holderRole } : {}),
    };
    return this.index.cases.find(query, { projection: { state: 0 } }).sort({ nextDue: 1, _id: 1 }).limit(limit).toArray();
  }

  /** "Mine": open cases where the person is the DARS contact or holds the next action. */
  mine(personId: string, limit = queueLimit): Promise<CaseRecord[]> {
    return this.index.cases
      .find({ open: true, $or: [{ darsContactId: personId }, { holderIds: personId }] }, { projection: { state: 0 } })
      .sort({ nextDue: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  /** Open cases whose next action was due before today (England), most overdue first. */
  overdue(limit = queueLimit): Promise<CaseRecord[]> {
    const today = londonDate(this.clock());
    return this.index.cases
      .find({ open: true, nextDue: { $lt: today } }, { projection: { state: 0 } })
      .sort({ nextDue: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }
}
