import type { Db } from 'mongodb';

/**
 * Case references, `DARS-<year>-<5 digits>`, from an atomic counter per year: one
 * findOneAndUpdate with $inc, so two bot processes never hand out the same number.
 */
interface Counter {
  _id: string;
  next: number;
}

export async function nextCaseReference(db: Db, now: Date): Promise<string> {
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(now));
  const counter = await db
    .collection<Counter>('counters')
    .findOneAndUpdate({ _id: `caseReference-${year}` }, { $inc: { next: 1 } }, { upsert: true, returnDocument: 'after' });
  if (!counter) throw new Error('The case reference counter did not answer');
  return formatCaseReference(year, counter.next);
}

export function formatCaseReference(year: number, sequence: number): string {
  if (sequence > 99_999) throw new Error(`More than 99,999 cases in ${year}: the reference format needs another digit`);
  return `DARS-${year}-${String(sequence).padStart(5, '0')}`;
}

export const caseReferencePattern = /^DARS-\d{4}-\d{5}$/;
