import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';
import { replaceLast, stampOf, withFacts } from './helpers';

type AssessmentEvent = EventOf<
  'preliminaryAssessmentRecorded' | 'earlyAdviceRequested' | 'earlyAdviceGiven' | 'fundingConfirmed' | 'readyToApply' | 'assessmentNotSupported'
>;

export function evolvePreliminaryAssessment(state: CaseState, event: AssessmentEvent): CaseState {
  const facts = state.facts;
  switch (event.type) {
    case 'preliminaryAssessmentRecorded': {
      const { assessment, assessmentVersion, costEstimate, securityCheck } = event;
      // The signatory is bound to the case by Entra id here: only they can sign for the data controller.
      const recorded = withFacts(state, {
        assessments: [...facts.assessments, { assessmentVersion, assessment, costEstimate, securityCheck, recorded: stampOf(event) }],
      }, 'awaitingFundingConfirmation');
      return { ...recorded, people: { ...state.people, dataControllerSignatory: assessment.dataControllerSignatory } };
    }
    case 'earlyAdviceRequested':
      return withFacts(state, { earlyAdvice: [...facts.earlyAdvice, { question: event.question, requested: stampOf(event) }] }, 'awaitingEarlyAdvice');
    case 'earlyAdviceGiven':
      return withFacts(state, {
        earlyAdvice: replaceLast(facts.earlyAdvice, (request) => ({
          ...request,
          advice: { text: event.advice, likelyToBeSupported: event.likelyToBeSupported, actionsBeforeApplying: event.actionsBeforeApplying, given: stampOf(event) },
        })),
      }, 'assessing');
    case 'fundingConfirmed':
      return withFacts(state, { funding: { fundingSource: event.fundingSource, paymentDetails: event.paymentDetails, confirmed: stampOf(event) } }, 'assessmentComplete');
    case 'readyToApply':
      return withFacts(state, {}, 'awaitingDarsContact');
    case 'assessmentNotSupported':
      return withFacts(state, { closure: { reason: event.reason, stamp: stampOf(event) } }, 'notSupported');
  }
}
