import type { ReviewKind } from '../rules/reviews';
import { allCaseCards, postCard, sendCard, updateCards, type Channel, type OutboxEffect } from './effects';
import type { CaseEvent, CaseEventType, EventOf } from './events';
import type { CaseState } from './state/caseState';

/**
 * Which cards show each event, and where: one rule per event type, outside the stages (whose
 * deciders only say what happened). The table's type makes `tsc` fail when an event type has no
 * entry, so every event either posts, sends or re-renders the cards that show it, or
 * deliberately changes none ('none'). `decide` applies it to each event it accepts, with the
 * case just before and just after that event; the effects name cards, never their content (the
 * outbox renders each from the stored case when it delivers).
 */
export interface EventCardsContext {
  readonly before: CaseState | undefined;
  readonly after: CaseState;
}

export type CardRule<T extends CaseEventType> = (event: EventOf<T>, context: EventCardsContext) => OutboxEffect[];
export type EventCards = { readonly [T in CaseEventType]: CardRule<T> | 'none' };

/** Where each review's card is posted. */
const reviewChannel: Readonly<Record<ReviewKind, Channel>> = { assurance: 'assurance', agd: 'agd', pag: 'pag' };

/**
 * The cards of the access items. The items proceed side by side, but each decision on one moves
 * the case to a new version, which would leave the other's card showing an older case (and its
 * buttons answering "this case has moved on"): every access decision re-renders both.
 */
const accessCards = updateCards('serviceAgreementSignature', 'cohortFile');

/** The case is over: every card it showed re-renders without buttons ("Take over from …", "Next: arrange access"). */
const everyCard = updateCards(...allCaseCards);

export const eventCards: EventCards = {
  // Enquiry
  enquirySubmitted: () => [postCard('triage', 'enquiryReview')],
  informationRequested: () => [updateCards('enquiryReview'), sendCard('applicant', 'informationRequest')],
  informationProvided: () => [updateCards('enquiryReview', 'informationRequest')],
  enquiryDeclined: () => [updateCards('enquiryReview', 'informationRequest'), sendCard('applicantTeam', 'caseStatus')],
  enquiryAccepted: () => [updateCards('enquiryReview'), postCard('triage', 'preliminaryAssessment')],

  // Preliminary assessment
  preliminaryAssessmentRecorded: () => [updateCards('preliminaryAssessment'), sendCard('applicant', 'fundingConfirmation')],
  earlyAdviceRequested: () => [postCard('assurance', 'earlyAdvice'), updateCards('preliminaryAssessment')],
  earlyAdviceGiven: () => [updateCards('earlyAdvice', 'preliminaryAssessment')],
  fundingConfirmed: () => [updateCards('fundingConfirmation', 'preliminaryAssessment')],
  readyToApply: () => [updateCards('preliminaryAssessment'), postCard('triage', 'takeCase')],
  assessmentNotSupported: () => [updateCards('preliminaryAssessment', 'fundingConfirmation')],

  // Application. The first DARS contact is what invites the applicant to write.
  darsContactAllocated: (_event, { before }) => [
    updateCards('takeCase'),
    ...(before?.status === 'awaitingDarsContact' ? [sendCard('applicantTeam', 'applicationInvitation')] : []),
  ],
  // A draft is the applicant's own until submitted: no card shows it.
  applicationSectionSaved: 'none',
  applicationSubmitted: () => [postCard('triage', 'applicationReview')],
  amendmentsRequested: () => [updateCards('applicationReview'), sendCard('applicantTeam', 'amendments')],
  applicationResubmitted: () => [updateCards('applicationReview', 'amendments')],
  applicationAccepted: () => [updateCards('applicationReview'), postCard('assurance', 'assuranceLevel')],

  // Assurance and approval
  // Recorded with the acceptance, whose assurance level card shows it.
  assuranceLevelRecommended: 'none',
  assuranceLevelConfirmed: (event) => [
    updateCards('assuranceLevel'),
    ...event.requiredReviews.map((review) => postCard(reviewChannel[review.review], 'review', review.review)),
  ],
  reviewRecorded: (event) => [
    updateCards('review'),
    ...(event.outcome.decision === 'additionalAssuranceNeeded' ? [sendCard('applicantTeam', 'additionalAssurance')] : []),
  ],
  additionalAssuranceProvided: () => [updateCards('additionalAssurance', 'review')],
  assuranceCompleted: () => [sendCard({ role: 'approver' }, 'approval')],
  // The DARS contact generates and sends the DSA on this card (in the triage channel while no one is allocated).
  applicationApproved: () => [updateCards('approval'), sendCard('darsContact', 'dsa')],

  // Data Sharing Agreement
  dsaGenerated: () => [updateCards('dsa')],
  // Always beside a new DSA version, whose card shows it.
  dsaSignaturesLapsed: 'none',
  dsaSent: () => [updateCards('dsa')],
  dsaSigned: () => [updateCards('dsaSignature', 'dsa')],
  dsaDeclined: () => [updateCards('dsaSignature', 'dsa')],
  // What remains before access, each on the card of the person who acts on it.
  dsaExecuted: (event) => [
    ...(event.serviceAgreementRequired ? [sendCard('dataControllerSignatory', 'serviceAgreementSignature')] : []),
    ...(event.cohortFileRequired ? [sendCard('darsContact', 'cohortFile')] : []),
  ],

  // Access
  serviceAgreementSigned: () => [accessCards],
  cohortFileDueSet: () => [accessCards, sendCard('applicantTeam', 'cohortFile')],
  cohortFileReceived: () => [accessCards],
  accessArranged: () => [everyCard],

  // Evidence: listed on the application review, the assurance reviews and the status card.
  evidenceAttached: () => [updateCards('applicationReview', 'review', 'caseStatus')],

  // Any stage
  applicantMemberInvited: (event) => [sendCard({ personId: event.member.id }, 'caseStatus')],
  applicantMemberRemoved: 'none',
  caseWithdrawn: () => [everyCard],
  caseClosed: () => [everyCard],

  // Deadlines: the clock is shown on the status card when it is asked for; notices are messages.
  clockStarted: 'none',
  clockPaused: 'none',
  clockResumed: 'none',
  clockStopped: 'none',
  deadlineNoticeSent: 'none',
};

/** The card effects of one event (its rule, keyed by its own type). */
export function cardsShowing(event: CaseEvent, context: EventCardsContext): OutboxEffect[] {
  const rule = eventCards[event.type] as CardRule<CaseEventType> | 'none';
  return rule === 'none' ? [] : rule(event, context);
}
