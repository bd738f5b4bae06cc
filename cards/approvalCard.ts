import { reviewNames } from '../services/domain/rules/reviews';
import type { CaseState } from '../services/domain/workflow';
import { capitalise, dayOf } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/approval.json';
import { reviewStateLine } from './views/reviewView';
import { sharingView } from './views/sharingView';
import type { CardVerbs } from './actions/verbSpec';

/**
 * The approver's card (DOMAIN stage 5): every required review's outcome, the special conditions
 * the DSA will carry, and what would be shared and why; "Approve" for approvers.
 */
export function approvalCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  const assurance = state.facts.assurance;
  const approval = state.facts.approval;
  const outcome = approval
    ? { outcome: `Approved by ${approval.by.name} on ${dayOf(approval.at)}.`, outcomeStyle: 'good' }
    : assurance?.completed
      ? { outcome: `Every required review supports the application (since ${dayOf(assurance.completed.at)}). Waiting for approval.`, outcomeStyle: 'emphasis' }
      : { outcome: 'Assurance is not complete yet.', outcomeStyle: 'warning' };
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        ...outcome,
        level: assurance?.confirmed?.label ?? 'not confirmed',
        reviews: Object.values(assurance?.reviews ?? {}).map((review) => ({
          title: capitalise(reviewNames[review.review]),
          value: reviewStateLine(review, reviewNames[review.review]).stateText,
        })),
        sharing: sharingView(state, fit, options.rules),
        can: { approve: can('approve') },
      },
      { state, viewer, now, options, title: 'Approval', card: 'approval', actions: ['approve'] },
    ),
  );
}

export const approvalVerbs = {
  'approval.approve': { command: 'approve', build: () => ({}) },
} as const satisfies CardVerbs;
