import type { CaseState } from '../../services/domain/workflow';
import { clip, dayOf } from '../frame/cardText';
import type { Fit } from '../frame/frameCard';

/** Each request for early advice (DOMAIN stage 2) and the advice given, oldest first. */
export interface EarlyAdviceView {
  readonly heading: string;
  readonly question: string;
  readonly outcome: string;
  readonly text: string;
}

export function earlyAdviceViews(state: CaseState, fit: Fit): EarlyAdviceView[] {
  return state.facts.earlyAdvice.map((record, i) => {
    const advice = record.advice;
    const actions = advice?.actionsBeforeApplying ?? [];
    return {
      heading: `Early advice ${i + 1}: asked by ${record.requested.by.name} on ${dayOf(record.requested.at)}`,
      question: clip(record.question, fit.text),
      outcome: !advice
        ? 'Awaiting advice from assurance.'
        : `Advice from ${advice.given.by.name} on ${dayOf(advice.given.at)}: ${advice.likelyToBeSupported ? 'likely to be supported' : 'not likely to be supported as proposed'}.`,
      text: advice
        ? clip([advice.text, ...(actions.length > 0 ? ['Before applying:', ...actions.map((action) => `• ${action}`)] : [])].join('\n'), fit.text)
        : '',
    };
  });
}
