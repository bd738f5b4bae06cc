import type { ReviewKind } from '../rules/reviews';
import type { CaseRole, StaffRole } from './roles';
import type { CaseState } from './state/caseState';
import { caseStatuses, closedStatuses, openStatusesFrom, type CaseStatus } from './statuses';

/**
 * Who may see a case: the read table, beside the permission table (`permissions.ts`), as data.
 * A role reads a case at the statuses listed for it, when the case involves that role the way
 * the row says: the people of a case and DARS staff always; reviewers, the approver and the NHS
 * England signatories once the case needs (or had) their part. Every path that shows case data
 * — status in chat, channel commands, card refreshes and clicks, refusals — asks `canRead`.
 * Someone who may not read a case is answered exactly as for a reference that does not exist.
 */

/** What must be true of the case for a role's row to apply. */
export type ReadBasis =
  /** The case's own people, and DARS staff: at every status. */
  | 'always'
  /** Assurance was asked: early advice requested, or the case reached assurance. */
  | 'assuranceAsked'
  /** The assurance level requires AGD's review. */
  | 'agdReview'
  /** GP data made PAG's review required. */
  | 'pagReview'
  /** Assurance is complete: the case awaits (or had) approval. */
  | 'approval'
  /** The DSA was sent for signature (whichever version). */
  | 'dsaSentForSignature';

export interface ReadPermission {
  readonly statuses: readonly CaseStatus[];
  readonly basis: ReadBasis;
  /** Completes "… may see …", for people and the README. */
  readonly cases: string;
}

/** Every status of a case that exists. */
const everyStatus: readonly CaseStatus[] = caseStatuses.filter((status) => status !== 'new');
const from = (stage: Parameters<typeof openStatusesFrom>[0]): CaseStatus[] => [...openStatusesFrom(stage), ...closedStatuses];

export const readPermissions: Readonly<Record<CaseRole, ReadPermission>> = {
  applicant: { statuses: everyStatus, basis: 'always', cases: 'their own cases' },
  applicantMember: { statuses: everyStatus, basis: 'always', cases: 'the cases they were invited to' },
  staff: { statuses: everyStatus, basis: 'always', cases: 'every case' },
  darsContact: { statuses: everyStatus, basis: 'always', cases: 'the cases allocated to them' },
  dataControllerSignatory: { statuses: everyStatus, basis: 'always', cases: 'the cases they are named on as signatory' },
  assurance: { statuses: from('preliminaryAssessment'), basis: 'assuranceAsked', cases: 'cases that asked for early advice or reached assurance' },
  agd: { statuses: from('assurance'), basis: 'agdReview', cases: 'cases that need or had AGD’s review' },
  pag: { statuses: from('assurance'), basis: 'pagReview', cases: 'cases that need or had PAG’s review' },
  approver: { statuses: from('approval'), basis: 'approval', cases: 'cases awaiting or past approval' },
  nhseSignatory: { statuses: from('dsa'), basis: 'dsaSentForSignature', cases: 'cases whose DSA was sent for signature' },
};

const reviewRequired = (state: CaseState, review: ReviewKind): boolean => state.facts.assurance?.reviews[review] !== undefined;

const basisHolds: Readonly<Record<ReadBasis, (state: CaseState) => boolean>> = {
  always: () => true,
  assuranceAsked: (state) => state.facts.earlyAdvice.length > 0 || state.facts.assurance !== undefined,
  agdReview: (state) => reviewRequired(state, 'agd'),
  pagReview: (state) => reviewRequired(state, 'pag'),
  approval: (state) => state.facts.assurance?.completed !== undefined,
  dsaSentForSignature: (state) => state.history.some((event) => event.type === 'dsaSent'),
};

/** Whether someone holding `roles` on this case (`rolesOnCase`) may see it. No case: nobody. */
export function canRead(state: CaseState | undefined, roles: readonly CaseRole[]): boolean {
  if (!state) return false;
  return roles.some((role) => {
    const permission = readPermissions[role];
    return permission.statuses.includes(state.status) && basisHolds[permission.basis](state);
  });
}

/**
 * Whether someone with these directory roles sees every case whatever it holds (DARS staff), so
 * a list shown to them need not be checked case by case.
 */
export function readsEveryCase(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => readPermissions[role].basis === 'always' && everyStatus.every((status) => readPermissions[role].statuses.includes(status)));
}

/**
 * The workflow's answer to someone who may not see a case, word for word the answer for a
 * reference that does not exist: it says neither that the case exists nor where it stands.
 */
export const noSuchCase = 'There is no such case. Check the reference, or start with an enquiry.';

/**
 * What a person is told when they name a case they may not see, word for word what they are told
 * for a reference that does not exist: neither says whether the case exists, where it stands, or
 * whose it is. (Cards, channel replies and the 1:1 chat all use this one sentence.)
 */
export function unseenCaseMessage(reference: string): string {
  return `I can’t show you ${reference}: there is no such case, or you have no part in it. Check the reference, which looks like DARS-2026-00042.`;
}
