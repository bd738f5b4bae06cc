import type { CaseState } from '../services/domain/workflow';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/earlyAdvice.json';
import { enquiryGist } from './views/assessmentView';
import { earlyAdviceViews } from './views/earlyAdviceView';

/**
 * The assurance channel's early advice card (DOMAIN stage 2): the enquiry, DARS's question, and
 * for assurance reviewers the advice inputs; afterwards, the advice as recorded.
 */
export function earlyAdviceCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  return fitToBudget((fit) =>
    frameCard(
      template,
      { gist: enquiryGist(state, fit.text), advice: earlyAdviceViews(state, fit), can: { advise: can('giveEarlyAdvice') } },
      { state, viewer, now, options, title: 'Early advice', card: 'earlyAdvice', actions: ['giveEarlyAdvice'] },
    ),
  );
}
