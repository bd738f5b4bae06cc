import type { CaseState } from '../services/domain/workflow';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/earlyAdvice.json';
import { enquiryGist } from './views/assessmentView';
import { earlyAdviceViews } from './views/earlyAdviceView';
import type { CardInputs } from './actions/cardInputs';
import type { CardVerbs } from './actions/verbSpec';

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

export const earlyAdviceVerbs = {
  'earlyAdvice.give': { command: 'giveEarlyAdvice', build: earlyAdvice, labels: { advice: 'Your advice', likelyToBeSupported: 'Is the use likely to be supported?', actionsBeforeApplying: 'What the applicant should do before applying' } },
} as const satisfies CardVerbs;

function earlyAdvice(inputs: CardInputs): Record<string, unknown> {
  const likely = inputs.text('likelyToBeSupported');
  if (likely !== 'true' && likely !== 'false') inputs.problems.push('“Is the use likely to be supported?”: choose one of the options');
  return { advice: inputs.text('advice'), likelyToBeSupported: likely === 'true', actionsBeforeApplying: inputs.lines('actionsBeforeApplying'), shareWithApplicant: inputs.flag('shareWithApplicant') };
}
