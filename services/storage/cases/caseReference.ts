import type { Db } from 'mongodb';

import { londonDate, yearOf } from '../../domain/calendar';
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

/**
 * The highest number this process has seen claimed, per database and year: where the next
 * search starts. Only a hint (another process may have claimed more since); the claims decide.
 */
const seenClaimed = new WeakMap<Db, Map<number, number>>();

export async function nextCaseReference(db: Db, now: Date): Promise<string> {
  const claims = db.collection<ReferenceClaim>(caseReferenceClaims);
  // The year in England, by londonDate, whose formatter is made once: a new Intl.DateTimeFormat
  // for every reference cost more CPU than the rest of taking one.
  const year = yearOf(londonDate(now));
  const seen = seenClaimed.get(db) ?? new Map<number, number>();
  seenClaimed.set(db, seen);
  const claimed = async (sequence: number) => sequence <= 99_999 && (await claims.findOne({ _id: formatCaseReference(year, sequence) }, { projection: { _id: 1 } })) !== null;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    // After a number this process took, the next is most likely free: try it without looking
    // (the insert decides); if it was taken, look from there.
    const known = seen.get(year) ?? 0;
    const sequence = attempt === 0 && known > 0 ? known + 1 : await firstUnclaimed(known, claimed);
    const reference = formatCaseReference(year, sequence);
    try {
      await claims.insertOne({ _id: reference, year, sequence, claimedAt: now });
      seen.set(year, sequence);
      return reference;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      seen.set(year, sequence);
    }
  }
  throw new Error(`Could not take a case reference after ${maxAttempts} attempts: too many at once`);
}

/**
 * The first number not yet claimed after `known` (0 or a claimed number), by `_id` lookups only:
 * FerretDB 1.24 would read and sort every claim of the year for `sort({sequence: -1}).limit(1)`.
 * Claims are dense (each is the first gap, found this way), so "claimed" is true up to some
 * number and false after it: step forward doubling, then halve the gap. A new process finds the
 * end of a year of 100,000 claims in about 34 lookups; after that it tries the next number first.
 */
export async function firstUnclaimed(known: number, claimed: (sequence: number) => Promise<boolean>): Promise<number> {
  let low = known; // claimed, or 0
  let step = 1;
  let high = low + step;
  while (await claimed(high)) {
    low = high;
    step *= 2;
    high = low + step;
  }
  // low is claimed (or 0) and high is not: the first unclaimed number is in (low, high].
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await claimed(middle)) low = middle;
    else high = middle;
  }
  return high;
}

export async function ensureCaseReferenceIndexes(db: Db): Promise<void> {
  await db.collection<ReferenceClaim>(caseReferenceClaims).createIndex({ year: 1, sequence: -1 }, { name: 'yearSequence' });
}

export function formatCaseReference(year: number, sequence: number): string {
  if (sequence > 99_999) throw new Error(`More than 99,999 cases in ${year}: the reference format needs another digit`);
  return `DARS-${year}-${String(sequence).padStart(5, '0')}`;
}

export const caseReferencePattern = /^DARS-\d{4}-\d{5}$/;
