import type { ReviewKind } from '../../rules/reviews';
import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';
import type { AssuranceRecord, ReviewRecord, ReviewState } from '../state/records';
import type { CaseStatus } from '../statuses';
import { replaceLast, stampOf, withFacts } from './helpers';

type AssuranceEvent = EventOf<
  'assuranceLevelRecommended' | 'assuranceLevelConfirmed' | 'reviewRecorded' | 'additionalAssuranceProvided' | 'assuranceCompleted' | 'applicationApproved'
>;

const reviewStateAfter: Readonly<Record<EventOf<'reviewRecorded'>['outcome']['decision'], ReviewState>> = {
  supported: 'supported',
  supportedWithConditions: 'supportedWithConditions',
  additionalAssuranceNeeded: 'awaitingApplicant',
  notSupported: 'notSupported',
};

/** While any review waits on the applicant, the case waits on the applicant. */
function statusForReviews(reviews: AssuranceRecord['reviews']): CaseStatus {
  return Object.values(reviews).some((review) => review.state === 'awaitingApplicant') ? 'awaitingAdditionalAssurance' : 'inReview';
}

function updateReview(assurance: AssuranceRecord, kind: ReviewKind, update: (review: ReviewRecord) => ReviewRecord): AssuranceRecord {
  const review = assurance.reviews[kind];
  return review ? { ...assurance, reviews: { ...assurance.reviews, [kind]: update(review) } } : assurance;
}

export function evolveAssurance(state: CaseState, event: AssuranceEvent): CaseState {
  const assurance = state.facts.assurance;
  switch (event.type) {
    case 'assuranceLevelRecommended':
      return withFacts(state, {
        assurance: { recommended: { level: event.level, label: event.label, reasons: event.reasons, facts: event.facts }, requiredReviews: [], reviews: {} },
      });
    case 'assuranceLevelConfirmed': {
      if (!assurance) return state;
      const reviews: AssuranceRecord['reviews'] = Object.fromEntries(
        event.requiredReviews.map((required) => [required.review, { review: required.review, reason: required.reason, state: 'pending', rounds: [] }]),
      );
      const confirmed = { level: event.level, label: event.label, stamp: stampOf(event), ...(event.reason ? { reason: event.reason } : {}) };
      return withFacts(state, { assurance: { ...assurance, confirmed, requiredReviews: event.requiredReviews, reviews } }, 'inReview');
    }
    case 'reviewRecorded': {
      if (!assurance) return state;
      const updated = updateReview(assurance, event.review, (review) => ({
        ...review,
        state: reviewStateAfter[event.outcome.decision],
        rounds: [...review.rounds, { outcome: event.outcome, recorded: stampOf(event) }],
      }));
      const conditions = event.outcome.decision === 'supportedWithConditions'
        ? event.outcome.conditions.map((text) => ({ text, source: event.review }))
        : [];
      if (event.outcome.decision === 'notSupported') {
        return withFacts(state, { assurance: updated, closure: { reason: event.outcome.reason, stamp: stampOf(event) } }, 'notSupported');
      }
      return withFacts(state, { assurance: updated, specialConditions: [...state.facts.specialConditions, ...conditions] }, statusForReviews(updated.reviews));
    }
    case 'additionalAssuranceProvided': {
      if (!assurance) return state;
      // Back to the same review that asked, which decides again.
      const updated = updateReview(assurance, event.review, (review) => ({
        ...review,
        state: 'pending',
        rounds: replaceLast(review.rounds, (round) => ({ ...round, response: { text: event.response, given: stampOf(event) } })),
      }));
      return withFacts(state, { assurance: updated }, statusForReviews(updated.reviews));
    }
    case 'assuranceCompleted':
      return assurance ? withFacts(state, { assurance: { ...assurance, completed: stampOf(event) } }, 'awaitingApproval') : state;
    case 'applicationApproved':
      return withFacts(state, { approval: stampOf(event) }, 'dsaToGenerate');
  }
}
