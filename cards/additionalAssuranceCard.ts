import { reviewNames } from '../services/domain/rules/reviews';
import type { CaseState } from '../services/domain/workflow';
import { capitalise, clip, dayOf } from './frame/cardText';
import type { CardOptions, CardViewer } from './frame/cardViewer';
import { withChatStep } from './frame/chatStepButton';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/additionalAssurance.json';

/**
 * The applicant team's card when a review needs additional assurance (DOMAIN stage 4): what each
 * review asks them to do, and the responses given. They respond in chat; the response goes back
 * to the review that asked.
 */
export function additionalAssuranceCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const reviews = Object.values(state.facts.assurance?.reviews ?? {});
  const asked = reviews.flatMap((review) =>
    review.rounds.flatMap((round) => (round.outcome.decision === 'additionalAssuranceNeeded' ? [{ review, round, actions: round.outcome.actions }] : [])),
  );
  const waiting = reviews.filter((review) => review.state === 'awaitingApplicant');
  const intro = waiting.length === 0
    ? asked.length > 0 ? 'Thank you: every request for additional assurance has a response.' : 'No review has asked for additional assurance.'
    : `${capitalise(waiting.map((review) => reviewNames[review.review]).join(' and '))} ${waiting.length > 1 ? 'need' : 'needs'} more assurance before the application can go further. Reply in this chat with your response${waiting.length > 1 ? ', saying which review it answers' : ''}.`;
  return fitToBudget((fit) =>
    withChatStep(frameCard(
      template,
      {
        intro,
        requests: asked.map(({ review, round, actions }) => ({
          heading: `${capitalise(reviewNames[review.review])}, ${dayOf(round.recorded.at)}: what you need to do`,
          style: round.response ? 'default' : 'warning',
          actions: clip(actions.map((action) => `• ${action}`).join('\n'), fit.text),
          responseHeading: round.response ? `Responded by ${round.response.given.by.name} on ${dayOf(round.response.given.at)}:` : 'Not responded to yet.',
          response: round.response ? clip(round.response.text, fit.text) : '',
        })),
      },
      { state, viewer, now, options, title: 'Additional assurance', card: 'additionalAssurance', actions: [] },
    ), state, viewer, { key: 'respondToAdditionalAssurance', title: 'Respond', command: 'assurance' }),
  );
}
