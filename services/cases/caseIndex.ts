import type { Collection, Db } from 'mongodb';

import { createIndexesOneByOne } from '../database/indexes';
import type { CaseIndexFields, CaseState } from '../workflow';

/**
 * The `cases` collection: one document per case with what the queues and status queries read
 * (stage, status, people, next due date, who holds the next action) and the folded state. It is
 * derived from the case log and rewritten after every commit; when two writers race, the one
 * that finds a newer commit than its own rewrites it, so it settles on the latest version.
 */

export interface CaseRecord extends CaseIndexFields {
  _id: string;
  version: number;
  state: CaseState;
  createdAt: Date;
  updatedAt: Date;
}

const optionalFields = ['darsContactId', 'nextDue'] as const satisfies readonly (keyof CaseIndexFields)[];

export class CaseIndex {
  readonly cases: Collection<CaseRecord>;

  constructor(db: Db) {
    this.cases = db.collection<CaseRecord>('cases');
  }

  /** Indexes for the queues people ask for. */
  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.cases, [
      { key: { stage: 1, status: 1, updatedAt: -1 }, name: 'stageQueue' },
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

  /** Writes the projection of `version` unless a newer one is already there. */
  async write(caseId: string, version: number, fields: CaseIndexFields, state: CaseState, now: Date): Promise<void> {
    const record = { ...fields, version, state, updatedAt: now };
    const existing = await this.cases.findOne({ _id: caseId }, { projection: { version: 1 } });
    if (!existing) {
      try {
        await this.cases.insertOne({ _id: caseId, ...record, createdAt: new Date(state.openedAt) });
        return;
      } catch {
        // Another writer created it first; fall through to the versioned update.
      }
    }
    // Optional fields the new projection lacks are removed, or a closed case would keep its
    // last due date and a case whose contact left would keep them.
    const absent = optionalFields.filter((field) => fields[field] === undefined);
    await this.cases.updateOne(
      { _id: caseId, version: { $lt: version } },
      { $set: record, ...(absent.length > 0 ? { $unset: Object.fromEntries(absent.map((field) => [field, ''])) } : {}) },
    );
  }

  /** Cases where the person is the applicant or an invited member, newest first. */
  forApplicant(personId: string, limit = 20): Promise<CaseRecord[]> {
    return this.cases
      .find({ $or: [{ applicantId: personId }, { memberIds: personId }] })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }
}
