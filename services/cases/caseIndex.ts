import type { Collection, Db } from 'mongodb';
import { createIndexesOneByOne } from '../database/indexes';

/**
 * The `cases` collection: one document per case with what the queues and status queries read
 * (stage, status, people, next deadline) and the folded state. It is derived from the case log
 * and rewritten after every commit; when two writers race, the one that finds a newer commit
 * than its own rewrites it again, so it settles on the latest version.
 */

export interface CaseProjection {
  readonly stage: string;
  readonly status: string;
  readonly applicantId: string;
  readonly darsContactId?: string;
  /** ISO date of the next deadline: the "overdue" queue and reminders read it. */
  readonly nextDeadline?: string;
  /** Role or person id that holds the next action. */
  readonly nextActionHolder?: string;
}

export interface CaseRecord<S = unknown> extends CaseProjection {
  _id: string;
  version: number;
  state: S;
  createdAt: Date;
  updatedAt: Date;
}

export class CaseIndex<S = unknown> {
  readonly cases: Collection<CaseRecord<S>>;

  constructor(db: Db) {
    this.cases = db.collection<CaseRecord<S>>('cases');
  }

  /** Indexes for the queues people ask for. */
  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.cases, [
      { key: { stage: 1, status: 1, updatedAt: -1 }, name: 'stageQueue' },
      { key: { darsContactId: 1, stage: 1 }, name: 'darsContactQueue' },
      { key: { applicantId: 1, createdAt: -1 }, name: 'applicantCases' },
      { key: { nextDeadline: 1 }, name: 'nextDeadline' },
    ]);
  }

  get(caseId: string): Promise<CaseRecord<S> | null> {
    return this.cases.findOne({ _id: caseId }) as Promise<CaseRecord<S> | null>;
  }

  /** Writes the projection of `version` unless a newer one is already there. */
  async write(caseId: string, version: number, projection: CaseProjection, state: S, createdAt: Date, now: Date): Promise<void> {
    const record = { ...projection, version, state, updatedAt: now };
    const existing = await this.cases.findOne({ _id: caseId }, { projection: { version: 1 } });
    if (!existing) {
      try {
        await this.cases.insertOne({ _id: caseId, ...record, createdAt } as never);
        return;
      } catch {
        // Another writer created it first; fall through to the versioned update.
      }
    }
    await this.cases.updateOne({ _id: caseId, version: { $lt: version } }, { $set: record as never });
  }

  forApplicant(applicantId: string, limit = 20): Promise<CaseRecord<S>[]> {
    return this.cases.find({ applicantId }).sort({ createdAt: -1 }).limit(limit).toArray() as Promise<CaseRecord<S>[]>;
  }
}
