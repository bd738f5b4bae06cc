import { addDays, londonDate } from '../../domain/calendar';
import { caseStatus, historyEntries, type CaseEvent, type CaseStage, type CaseStatus, type CaseStatusWithHistory, type StaffRole } from '../../domain/workflow';
import { compareText, mergeDistinct, type CaseIndex, type CaseRecord } from './caseIndex';
import type { CaseStates } from './caseStates';

/**
 * The questions people ask of the cases: the status of one case (from its log), the staff
 * queues (by stage and status, by who holds the next action, by DARS contact) and what is
 * overdue (from the `cases` index). Queues list open cases, soonest due first.
 *
 * Every filter is written as top-level equalities where it can be: FerretDB 1.24 hands only
 * those to its backend (where they use an index) and evaluates the rest itself over every
 * document the equalities let through.
 */

export interface QueueFilter {
  readonly stage?: CaseStage;
  readonly status?: CaseStatus;
  /** Cases whose next action is held by this role (e.g. PAG's queue). */
  readonly holderRole?: StaffRole;
}

const queueLimit = 50;

/** As a queue is sorted (CaseIndex.openSoonestDue): by due date (cases with none first, as MongoDB orders a missing field), then reference. */
function bySoonestDue(a: CaseRecord, b: CaseRecord): number {
  return compareText(a.nextDue ?? '', b.nextDue ?? '') || compareText(a._id, b._id);
}

export class CaseQueries {
  constructor(
    private readonly index: CaseIndex,
    private readonly states: CaseStates,
    /** The history's words (the presentation table's, cards/events: passed in, as storage names no card or sentence). */
    private readonly describe: (event: CaseEvent) => string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async status(reference: string): Promise<CaseStatusWithHistory | undefined> {
    const state = await this.states.get(reference);
    return state ? { ...caseStatus(state, this.clock()), history: historyEntries(state, this.describe) } : undefined;
  }

  /** Open cases at a stage/status or waiting on a role, soonest due first. */
  queue(filter: QueueFilter, limit = queueLimit): Promise<CaseRecord[]> {
    return this.index.openSoonestDue(
      {
        ...(filter.stage ? { stage: filter.stage } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.holderRole ? { holderRoles: filter.holderRole } : {}),
      },
      limit,
    );
  }


  /**
   * "Mine": open cases where the person is the DARS contact or holds the next action. Two
   * indexed queries merged, not one `$or` (which FerretDB would answer by reading every case).
   */
  async mine(personId: string, limit = queueLimit): Promise<CaseRecord[]> {
    const halves = await Promise.all([
      this.index.openSoonestDue({ darsContactId: personId }, limit),
      this.index.openSoonestDue({ holderIds: personId }, limit),
    ]);
    return mergeDistinct(halves, bySoonestDue, limit);
  }

  /** Open cases whose next action was due before today (England), most overdue first. */
  overdue(limit = queueLimit): Promise<CaseRecord[]> {
    const today = londonDate(this.clock());
    return this.index.openDueUpTo(addDays(today, -1), { today, limit });
  }
}
