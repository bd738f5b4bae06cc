import { z } from 'zod';
import { estimateCost } from '../../rules/charges';
import { checkSecurity } from '../../rules/security';
import { text } from '../commands/fields';
import { paymentDetailsSchema, preliminaryAssessmentSchema } from '../commands/shapes';
import { accept } from '../decision';
import { replaceLast, stampOf, withFacts } from '../evolve/helpers';
import type { Deciders, Evolvers } from './handlers';

/** Stage 2, preliminary assessment: staff assess, assurance may advise, the applicant confirms funding. */
export const preliminaryAssessmentCommandSchemas = [
  z.object({ type: z.literal('recordPreliminaryAssessment'), assessment: preliminaryAssessmentSchema }),
  z.object({ type: z.literal('requestEarlyAdvice'), question: text('what you want advice on', 2000) }),
  z.object({
    type: z.literal('giveEarlyAdvice'),
    advice: text('the advice', 5000),
    likelyToBeSupported: z.boolean(),
    actionsBeforeApplying: z.array(text('an action', 1000)),
    /** Whether the applicant is sent the advice; staff choose, and by default it stays with DARS. */
    shareWithApplicant: z.boolean().optional(),
  }),
  z.object({ type: z.literal('confirmFunding'), fundingSource: text('the source of funding', 500), paymentDetails: paymentDetailsSchema }),
  z.object({ type: z.literal('markReadyToApply') }),
  z.object({ type: z.literal('markNotSupported'), reason: text('the reason the request is not supported', 2000) }),
] as const;

export type PreliminaryAssessmentCommand = z.infer<(typeof preliminaryAssessmentCommandSchemas)[number]>;

/**
 * Stage 2, preliminary assessment (DOMAIN.md). The cost estimate and the security check are
 * computed here from the rules and stored in the event, so the applicant confirms funding against
 * the figures they were shown even if the tariff changes later.
 */
export const preliminaryAssessmentDeciders: Deciders<PreliminaryAssessmentCommand> = {
  recordPreliminaryAssessment: (state, command, ctx) => {
    const assessment = command.assessment;
    const costEstimate = estimateCost(
      { chargeType: assessment.charging.chargeType, accessService: assessment.accessService.service, agreementYears: assessment.charging.agreementYears, on: ctx.today },
      ctx.rules,
    );
    const securityCheck = checkSecurity(assessment.security.evidence, ctx.today, ctx.rules);
    return accept([{ type: 'preliminaryAssessmentRecorded', assessmentVersion: state.facts.assessments.length + 1, assessment, costEstimate, securityCheck }]);
  },
  requestEarlyAdvice: (_state, command) => accept([{ type: 'earlyAdviceRequested', question: command.question }]),
  giveEarlyAdvice: (_state, command) => accept(
    [{
      type: 'earlyAdviceGiven',
      advice: command.advice,
      likelyToBeSupported: command.likelyToBeSupported,
      actionsBeforeApplying: command.actionsBeforeApplying,
      ...(command.shareWithApplicant === true ? { sharedWithApplicant: true } : {}),
    }],
  ),
  confirmFunding: (_state, command) => accept([{ type: 'fundingConfirmed', fundingSource: command.fundingSource, paymentDetails: command.paymentDetails }]),
  markReadyToApply: () => accept([{ type: 'readyToApply' }]),
  markNotSupported: (_state, command) => accept([{ type: 'assessmentNotSupported', reason: command.reason }]),
};

export const preliminaryAssessmentEvolvers: Evolvers<
  'preliminaryAssessmentRecorded' | 'earlyAdviceRequested' | 'earlyAdviceGiven' | 'fundingConfirmed' | 'readyToApply' | 'assessmentNotSupported'
> = {
  preliminaryAssessmentRecorded: (state, event) => {
    const { assessment, assessmentVersion, costEstimate, securityCheck } = event;
    // The signatory is bound to the case by Entra id here: only they can sign for the data controller.
    const recorded = withFacts(state, {
      assessments: [...state.facts.assessments, { assessmentVersion, assessment, costEstimate, securityCheck, recorded: stampOf(event) }],
    }, 'awaitingFundingConfirmation');
    return { ...recorded, people: { ...state.people, dataControllerSignatory: assessment.dataControllerSignatory } };
  },
  earlyAdviceRequested: (state, event) =>
    withFacts(state, { earlyAdvice: [...state.facts.earlyAdvice, { question: event.question, requested: stampOf(event) }] }, 'awaitingEarlyAdvice'),
  earlyAdviceGiven: (state, event) => withFacts(state, {
    earlyAdvice: replaceLast(state.facts.earlyAdvice, (request) => ({
      ...request,
      advice: { text: event.advice, likelyToBeSupported: event.likelyToBeSupported, actionsBeforeApplying: event.actionsBeforeApplying, given: stampOf(event) },
    })),
  }, 'assessing'),
  fundingConfirmed: (state, event) =>
    withFacts(state, { funding: { fundingSource: event.fundingSource, paymentDetails: event.paymentDetails, confirmed: stampOf(event) } }, 'assessmentComplete'),
  readyToApply: (state) => withFacts(state, {}, 'awaitingDarsContact'),
  assessmentNotSupported: (state, event) => withFacts(state, { closure: { reason: event.reason, stamp: stampOf(event) } }, 'notSupported'),
};
