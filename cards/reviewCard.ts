import { reviewNames } from '../services/domain/rules/reviews';
import { shownFingerprint, type CaseState } from '../services/domain/workflow';
import { capitalise, clip } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import { evidenceElements } from './views/evidenceView';
import type { AdaptiveCard } from './render';
import template from './templates/review.json';
import { reviewSections, versionUnderReview } from './views/applicationView';
import { reviewFor, reviewStateLine, reviewTitles, roundViews } from './views/reviewView';
import type { CardActionContext } from './actions/cardActionContext';
import type { CardData, CardInputs } from './actions/cardInputs';
import type { CardVerbs } from './actions/verbSpec';

/**
 * The assurance review, AGD and PAG cards (DOMAIN stage 4), one per review in its own channel:
 * why the review is needed, earlier rounds and the applicant's responses, the application, and
 * for that review's members the outcome — supported, with conditions, additional assurance
 * needed, or not supported. `options.review` says which review; the button carries it, and the
 * workflow checks the clicker holds that review's role.
 */
export function reviewCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const review = reviewFor(state, viewer.roles, options.review);
  const record = state.facts.assurance?.reviews[review];
  const name = reviewNames[review];
  const level = state.facts.assurance?.confirmed?.label;
  const can = permitted(state, viewer)(`recordReview:${review}`) && record?.state === 'pending';
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        review,
        why: `${record?.reason ?? `${capitalise(name)} is not required for this case.`}${level ? ` Confirmed assurance level: ${level}.` : ''}`,
        ...reviewStateLine(record, name),
        rounds: roundViews(record, fit),
        conditions: state.facts.specialConditions.map((condition) => ({ text: clip(condition.text, fit.text) })),
        applicationVersion: versionUnderReview(state),
        sections: reviewSections(state, fit, false).map((section) => ({ title: section.title, content: section.content })),
        decisionLabel: `${capitalise(name)}: outcome`,
        can: { record: can },
        // What this card shows for the review: a click is stale only if that has changed since.
        shown: shownFingerprint(state, `recordReview:${review}`) ?? '',
      },
      {
        state, viewer, now, options, title: reviewTitles[review], card: 'review', actions: [`recordReview:${review}`],
        refreshData: { review },
        extraBody: evidenceElements(state, options.fileLinks),
      },
    ),
  );
}

export const reviewVerbs = {
  'review.record': { command: 'recordReview', build: reviewOutcome, labels: { review: 'Review', 'outcome.conditions': 'Conditions', 'outcome.actions': 'Actions for the applicant', 'outcome.reason': 'Reason' } },
} as const satisfies CardVerbs;

function reviewOutcome(inputs: CardInputs, _context: CardActionContext, data: CardData): Record<string, unknown> {
  const decision = inputs.text('decision');
  const review = data.review;
  switch (decision) {
    case 'supported': return { review, outcome: { decision } };
    case 'supportedWithConditions': return { review, outcome: { decision, conditions: inputs.lines('conditions') } };
    case 'additionalAssuranceNeeded': return { review, outcome: { decision, actions: inputs.lines('actions') } };
    case 'notSupported': return { review, outcome: { decision, reason: inputs.text('reason') } };
    default:
      inputs.problems.push('“Outcome”: choose supported, supported with conditions, additional assurance needed or not supported');
      return { review, outcome: { decision: 'supported' } };
  }
}
