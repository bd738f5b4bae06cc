import type { Db } from 'mongodb';

import { isDuplicateKey } from '../database/duplicateKey';

/**
 * Case references, `DARS-<year>-<5 digits>`, from an atomic counter per year. The counter is
 * a sequence of claims: taking number n inserts a document whose `_id` is the reference, so two
 * bot processes can never both take n (the insert of the second fails on the unique `_id` and it
 * takes n+1). An in-place `$inc` would be simpler but is not atomic on FerretDB 1.x.
 */
interface ReferenceClaim {
  _id: string;
  year: number;
  sequence: number;
  claimedAt: Date;
}

/** The collection of claimed references: every case that was ever opened has one. */
export const caseReferenceClaims = 'caseReferences';

const maxAttempts = 50;

export async function nextCaseReference(db: Db, now: Date): Promise<string> {
  const claims = db.collection<ReferenceClaim>(caseReferenceClaims);
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(now));
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const [last] = await claims.find({ year }).sort({ sequence: -1 }).limit(1).toArray();
    const sequence = (last?.sequence ?? 0) + 1;
    const reference = formatCaseReference(year, sequence);
    try {
      await claims.insertOne({ _id: reference, year, sequence, claimedAt: now });
      return reference;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error(`Could not take a case reference after ${maxAttempts} attempts: too many at once`);
}

export async function ensureCaseReferenceIndexes(db: Db): Promise<void> {
  await db.collection<ReferenceClaim>(caseReferenceClaims).createIndex({ year: 1, sequence: -1 }, { name: 'yearSequence' });
}

export function formatCaseReference(year: number, sequence: number): string {
  if (sequence > 99_999) throw new Error(`More than 99,999 cases in ${year}: the reference format needs another digit`);
  return `DARS-${year}-${String(sequence).padStart(5, '0')}`;
}

export const caseReferencePattern = /^DARS-\d{4}-\d{5}$/;
