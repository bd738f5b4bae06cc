import { reviewKinds, type ReviewKind } from '../../services/domain/rules/reviews';
import type { CaseRole, CaseState, ReviewRecord, ReviewRound } from '../../services/domain/workflow';
import { clip, dayOf } from '../frame/cardText';
import type { Fit } from '../frame/frameCard';

/** A review's rounds of advice, and the applicant's response to each request for assurance. */
const outcomeNames = {
  supported: 'supported',
  supportedWithConditions: 'supported with conditions',
  additionalAssuranceNeeded: 'additional assurance needed',
  notSupported: 'not supported',
} as const;

export const reviewTitles: Readonly<Record<ReviewKind, string>> = {
  assurance: 'Assurance review',
  agd: 'AGD review',
  pag: 'PAG review',
};

export function roundDetail(round: ReviewRound): string {
  const outcome = round.outcome;
  switch (outcome.decision) {
    case 'supported': return '';
    case 'supportedWithConditions': return ['Conditions:', ...outcome.conditions.map((c) => `• ${c}`)].join('\n');
    case 'additionalAssuranceNeeded': return ['Actions for the applicant:', ...outcome.actions.map((a) => `• ${a}`)].join('\n');
    case 'notSupported': return `Reason: ${outcome.reason}`;
  }
}

export function roundViews(review: ReviewRecord | undefined, fit: Fit) {
  return (review?.rounds ?? []).map((round, i) => ({
    heading: `Round ${i + 1}: ${outcomeNames[round.outcome.decision]}, recorded by ${round.recorded.by.name} on ${dayOf(round.recorded.at)}`,
    detail: clip(roundDetail(round), fit.text),
    responseHeading: round.response ? `The applicant responded on ${dayOf(round.response.given.at)} (${round.response.given.by.name}):` : '',
    response: round.response ? clip(round.response.text, fit.text) : '',
  }));
}

export function reviewStateLine(review: ReviewRecord | undefined, name: string): { stateText: string; stateStyle: string } {
  switch (review?.state) {
    case undefined: return { stateText: `${name} is not required for this case.`, stateStyle: 'default' };
    case 'pending': return { stateText: `Waiting for ${name} to record its advice.`, stateStyle: 'emphasis' };
    case 'awaitingApplicant': return { stateText: 'Waiting for the applicant to respond to the actions.', stateStyle: 'warning' };
    case 'supported': return { stateText: 'Supported.', stateStyle: 'good' };
    case 'supportedWithConditions': return { stateText: 'Supported with conditions.', stateStyle: 'good' };
    case 'notSupported': return { stateText: 'Not supported: the application is closed.', stateStyle: 'attention' };
  }
}

/** Which review a card is for when the caller does not say: the viewer's own, else the first open one. */
export function reviewFor(state: CaseState, roles: readonly CaseRole[], asked?: ReviewKind): ReviewKind {
  if (asked) return asked;
  const reviews = state.facts.assurance?.reviews ?? {};
  const own = reviewKinds.find((kind) => roles.includes(kind) && reviews[kind]);
  const open = reviewKinds.find((kind) => reviews[kind]?.state === 'pending');
  return own ?? open ?? 'assurance';
}
