import { z } from 'zod';
import { formatDate, londonDate } from '../../calendar/isoDate';
import { levelLabel, levelRank } from '../../rules/assuranceLevel';
import { requiredReviews, reviewKinds, reviewNames, type ReviewKind } from '../../rules/reviews';
import { optionalText, text } from '../commands/fields';
import { reviewOutcomeSchema } from '../commands/shapes';
import { requestedDatasets } from '../application/checks';
import { accept, refuse, type HandlerContext, type HandlerResult } from '../decision';
import type { CaseEventBody, EventOf } from '../events';
import { replaceLast, stampOf, withFacts } from '../evolve/helpers';
import type { CaseState } from '../state/caseState';
import type { AssuranceRecord, ReviewRecord, ReviewState } from '../state/records';
import type { CaseStatus } from '../statuses';
import type { Deciders, Evolvers } from './handlers';

/** Stage 4 and approval: the level is confirmed, the reviews run in parallel, an approver approves. */
export const assuranceCommandSchemas = [
  z.object({
    type: z.literal('confirmAssuranceLevel'),
    level: text('the assurance level', 50),
    /** Required when the level differs from the recommendation. */
    reason: optionalText(2000).optional(),
  }),
  z.object({ type: z.literal('recordReview'), review: z.enum(reviewKinds), outcome: reviewOutcomeSchema }),
  z.object({
    type: z.literal('respondToAdditionalAssurance'),
    response: text('your response to the actions', 8000),
    /** Which review the response answers; may be left out when only one is waiting. */
    review: z.enum(reviewKinds).optional(),
  }),
  z.object({ type: z.literal('approve') }),
] as const;

export type AssuranceCommand = z.infer<(typeof assuranceCommandSchemas)[number]>;
type CommandOf<T extends AssuranceCommand['type']> = Extract<AssuranceCommand, { type: T }>;

/**
 * Stage 4, assurance, and approval (DOMAIN.md). The reviews run in parallel; each records its
 * advice. Additional assurance sends the case to the applicant and their response goes back to
 * the review that asked. When every required review is supportive, assurance is complete.
 */
export const assuranceDeciders: Deciders<AssuranceCommand> = {
  // The permission table only allows these commands once the application is accepted, which creates the record.
  confirmAssuranceLevel: (state, command, ctx) => state.facts.assurance ? confirmLevel(state, state.facts.assurance, command, ctx) : missing(state),
  recordReview: (state, command) => state.facts.assurance ? recordReview(state, state.facts.assurance, command) : missing(state),
  respondToAdditionalAssurance: (state, command) => state.facts.assurance ? respond(state.facts.assurance, command) : missing(state),
  approve: () => accept([{ type: 'applicationApproved' }]),
};

function confirmLevel(state: CaseState, assurance: AssuranceRecord, command: CommandOf<'confirmAssuranceLevel'>, ctx: HandlerContext): HandlerResult {
  const levels = ctx.rules.assurance.levels;
  if (levelRank(command.level, ctx.rules) < 0) {
    return refuse('invalid', `“${command.level}” is not an assurance level. Choose one of: ${levels.map((level) => level.label).join(', ')}.`);
  }
  const recommended = assurance.recommended.level;
  const reason = command.reason?.trim() ?? '';
  if (command.level !== recommended && reason === '') {
    return refuse('invalid', `You chose ${levelLabel(command.level, ctx.rules)} instead of the recommended ${assurance.recommended.label}: give the reason for the change.`);
  }
  const reviews = requiredReviews(command.level, requestedDatasets(state), ctx.rules);
  return accept(
    [{
      type: 'assuranceLevelConfirmed',
      level: command.level,
      label: levelLabel(command.level, ctx.rules),
      recommendedLevel: recommended,
      ...(reason ? { reason } : {}),
      requiredReviews: reviews,
    }],
  );
}

function recordReview(state: CaseState, assurance: AssuranceRecord, command: CommandOf<'recordReview'>): HandlerResult {
  const name = reviewNames[command.review];
  const review = assurance.reviews[command.review];
  if (!review) return refuse('conflict', `${capitalise(name)} is not required for ${state.reference}: ${requiredList(assurance)}.`);
  if (review.state === 'awaitingApplicant') {
    return refuse('conflict', `${capitalise(name)} is waiting for the applicant’s response to its actions; it can decide again once they respond.`);
  }
  if (review.state !== 'pending') {
    const last = review.rounds[review.rounds.length - 1];
    const when = last ? ` on ${formatDate(londonDate(new Date(last.recorded.at)))} by ${last.recorded.by.name}` : '';
    return refuse('conflict', `${capitalise(name)} has already been recorded${when}.`);
  }
  const events: CaseEventBody[] = [{ type: 'reviewRecorded', review: command.review, outcome: command.outcome }];
  const outcome = command.outcome;
  if (outcome.decision === 'supported' || outcome.decision === 'supportedWithConditions') {
    // The last supportive review completes assurance.
    const othersSupportive = Object.values(assurance.reviews)
      .filter((other) => other.review !== command.review)
      .every((other) => other.state === 'supported' || other.state === 'supportedWithConditions');
    if (othersSupportive) {
      const newConditions = outcome.decision === 'supportedWithConditions' ? outcome.conditions.map((text) => ({ text, source: command.review })) : [];
      events.push({ type: 'assuranceCompleted', specialConditions: [...state.facts.specialConditions, ...newConditions] });
    }
  }
  return accept(events);
}

function respond(assurance: AssuranceRecord, command: CommandOf<'respondToAdditionalAssurance'>): HandlerResult {
  const waiting = Object.values(assurance.reviews).filter((review) => review.state === 'awaitingApplicant');
  const names = waiting.map((review) => reviewNames[review.review]);
  let target: ReviewRecord | undefined = waiting[0];
  if (command.review) {
    target = waiting.find((review) => review.review === command.review);
    if (!target) return refuse('invalid', `${capitalise(reviewNames[command.review])} is not waiting for a response. Waiting: ${names.join(' and ')}.`);
  } else if (waiting.length > 1) {
    return refuse('invalid', `${capitalise(names.join(' and '))} both asked for additional assurance: say which one this response answers.`);
  }
  if (!target) return refuse('conflict', 'No review is waiting for additional assurance.');
  return accept([{ type: 'additionalAssuranceProvided', review: target.review, response: command.response }]);
}

function missing(state: CaseState): HandlerResult {
  return refuse('conflict', `${state.reference} has no assurance record yet: the application must be accepted first.`);
}

function requiredList(assurance: AssuranceRecord): string {
  return `the required reviews are ${Object.values(assurance.reviews).map((review) => reviewNames[review.review]).join(' and ')}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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

export const assuranceEvolvers: Evolvers<
  'assuranceLevelRecommended' | 'assuranceLevelConfirmed' | 'reviewRecorded' | 'additionalAssuranceProvided' | 'assuranceCompleted' | 'applicationApproved'
> = {
  assuranceLevelRecommended: (state, event) => withFacts(state, {
    assurance: { recommended: { level: event.level, label: event.label, reasons: event.reasons, facts: event.facts }, requiredReviews: [], reviews: {} },
  }),
  assuranceLevelConfirmed: (state, event) => {
    const assurance = state.facts.assurance;
    if (!assurance) return state;
    const reviews: AssuranceRecord['reviews'] = Object.fromEntries(
      event.requiredReviews.map((required) => [required.review, { review: required.review, reason: required.reason, state: 'pending', rounds: [] }]),
    );
    const confirmed = { level: event.level, label: event.label, stamp: stampOf(event), ...(event.reason ? { reason: event.reason } : {}) };
    return withFacts(state, { assurance: { ...assurance, confirmed, requiredReviews: event.requiredReviews, reviews } }, 'inReview');
  },
  reviewRecorded: (state, event) => {
    const assurance = state.facts.assurance;
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
  },
  additionalAssuranceProvided: (state, event) => {
    const assurance = state.facts.assurance;
    if (!assurance) return state;
    // Back to the same review that asked, which decides again.
    const updated = updateReview(assurance, event.review, (review) => ({
      ...review,
      state: 'pending',
      rounds: replaceLast(review.rounds, (round) => ({ ...round, response: { text: event.response, given: stampOf(event) } })),
    }));
    return withFacts(state, { assurance: updated }, statusForReviews(updated.reviews));
  },
  assuranceCompleted: (state, event) => {
    const assurance = state.facts.assurance;
    return assurance ? withFacts(state, { assurance: { ...assurance, completed: stampOf(event) } }, 'awaitingApproval') : state;
  },
  applicationApproved: (state, event) => withFacts(state, { approval: stampOf(event) }, 'dsaToGenerate'),
};
