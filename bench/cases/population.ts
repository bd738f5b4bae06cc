import { formatCaseReference } from '../../services/storage/cases/caseReference';
import type { Actor, CaseStatus, PersonRef } from '../../services/domain/workflow';

/**
 * Who and what is in the seeded database: how many cases sit at each status, on which day each
 * case's last decision was taken, and the people on it. Everything is drawn from a seeded
 * random generator, so two runs seed the same database.
 */

/**
 * The bench's "today". The workflow fixtures the journeys are built from carry fixed dates (a
 * DSA starting 1 September 2026, a DSPT assessment published 1 September 2025), so an
 * application can only be submitted up to 1 September 2026; the bench lives on that day, and
 * its decisions and overdue queries use it instead of the wall clock.
 */
export const benchNow = new Date('2026-09-01T12:00:00Z');
const today = '2026-09-01';

/**
 * The status mix: many cases at enquiry and application, fewer later, and a fifth closed.
 * Weights are per cent.
 */
export const statusMix = [
  ['enquiryUnderReview', 12],
  ['awaitingEnquiryInformation', 5],
  ['assessing', 8],
  ['awaitingFundingConfirmation', 4],
  ['awaitingDarsContact', 8],
  ['drafting', 14],
  ['underAcceptanceReview', 6],
  ['amendmentsRequested', 4],
  ['levelToConfirm', 2],
  ['inReview', 6],
  ['awaitingAdditionalAssurance', 2],
  ['awaitingApproval', 2],
  ['awaitingSignatures', 3],
  ['arrangingAccess', 3],
  ['accessArranged', 8],
  ['enquiryDeclined', 5],
  ['withdrawn', 6],
  ['notSupported', 2],
] as const satisfies readonly (readonly [Exclude<CaseStatus, 'new'>, number])[];

export type SeededStatus = (typeof statusMix)[number][0];

/**
 * Cases closed early (at enquiry or assessment) are last year's: a reference holds five digits,
 * so one year cannot hold 100,000 cases, and old cases are the closed ones.
 */
const closedLastYear: ReadonlySet<SeededStatus> = new Set(['enquiryDeclined', 'withdrawn', 'notSupported']);

export interface PlannedCase {
  readonly reference: string;
  readonly nicNumber: string;
  readonly status: SeededStatus;
  /** The day of the case's decisions (a template journey decides everything on one day). */
  readonly day: string;
  readonly applicant: PersonRef;
  /** A colleague the applicant invited to the case. */
  readonly member: PersonRef;
  /** The DARS contact (on the case from allocation on). */
  readonly contact: PersonRef;
  /** The DARS staff member who triaged the enquiry. */
  readonly triage: PersonRef;
}

export const darsContactCount = 40;

const uuid = (prefix: string, n: number): string => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The DARS staff: each is a DARS contact for some cases and triages others. */
export const darsStaff: readonly PersonRef[] = Array.from({ length: darsContactCount }, (_, i) => ({
  id: uuid('d', i + 1),
  name: `DARS Contact ${String(i + 1).padStart(2, '0')}`,
}));

export function staffActor(person: PersonRef): Actor {
  return { ...person, roles: ['staff'] };
}

export function applicantActor(person: PersonRef): Actor {
  return { ...person, roles: [] };
}

/** Mulberry32: small, fast, and the same sequence every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planCases(count: number, random: () => number): PlannedCase[] {
  // About two cases per applicant: some people apply more than once.
  const applicants = Math.max(2, Math.ceil(count / 2));
  const person = (n: number): PersonRef => ({ id: uuid('b', n), name: `Applicant ${n}` });
  const pick = (n: number) => Math.floor(random() * n);

  const drafts = exactCounts(count).flatMap(([status, n]) =>
    Array.from({ length: n }, () => {
      const applicant = pick(applicants) + 1;
      // Anyone but the applicant: an offset of 1 … applicants-1 round the pool.
      const member = ((applicant - 1 + 1 + pick(applicants - 1)) % applicants) + 1;
      return {
        status,
        day: dayFor(status, random),
        applicant: person(applicant),
        member: person(member),
        contact: darsStaff[pick(darsStaff.length)],
        triage: darsStaff[pick(darsStaff.length)],
        order: random(),
      };
    }),
  );

  // References are handed out in the order cases were opened, numbered per year.
  drafts.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
  const sequence = new Map<number, number>();
  return drafts.map(({ order: _order, ...draft }, i) => {
    const year = Number(draft.day.slice(0, 4));
    const n = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, n);
    return { ...draft, reference: formatCaseReference(year, n), nicNumber: `NIC-${String(i + 1).padStart(6, '0')}-AB1C2` };
  });
}

/** Per-status counts that add up to exactly `count`. */
function exactCounts(count: number): [SeededStatus, number][] {
  const total = statusMix.reduce((sum, [, weight]) => sum + weight, 0);
  const counts = statusMix.map(([status, weight]): [SeededStatus, number] => [status, Math.floor((count * weight) / total)]);
  for (let i = 0, short = count - counts.reduce((sum, [, n]) => sum + n, 0); short > 0; i++, short--) counts[i % counts.length][1] += 1;
  return counts;
}

/**
 * The day of a case's decisions, hence its due date. Open cases: most moved on recently (an
 * exponential age, mean 20 days) and a backlog of stalled ones is spread over the whole year
 * (the bank-holiday calendar starts in 2026), so due dates span January to October and a good
 * share is overdue. Closed-early cases are last year's (see above). Cases whose access was
 * arranged keep the fixture's own dates: its cohort file is due on 15 June 2026, which the
 * workflow accepts only for a DSA signed between 15 May and 15 June 2026.
 */
function dayFor(status: SeededStatus, random: () => number): string {
  if (closedLastYear.has(status)) return addDays('2025-01-02', Math.floor(random() * 363));
  if (status === 'accessArranged') return addDays('2026-05-15', Math.floor(random() * 32));
  const yearSoFar = daysBetween('2026-01-01', today);
  const age = random() < 0.7 ? Math.floor(-Math.log(1 - random()) * 20) : Math.floor(random() * yearSoFar);
  return addDays(today, -Math.min(age, yearSoFar));
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
