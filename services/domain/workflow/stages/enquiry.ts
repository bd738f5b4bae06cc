import { z } from 'zod';
import { enquirySchema } from '../../enquiry/enquiry';
import { text } from '../commands/fields';
import { accept } from '../decision';
import type { EventOf } from '../events';
import { stampOf, withFacts } from '../evolve/helpers';
import { personOf } from '../roles';
import type { CaseState } from '../state/caseState';
import type { Deciders, Evolvers } from './handlers';

/** Stage 1, enquiry (DOMAIN.md): submit; DARS asks for more, declines, or accepts. */

/** Stage 1, enquiry: the applicant submits; DARS asks, declines or accepts. */
export const enquiryCommandSchemas = [
  z.object({
    type: z.literal('submitEnquiry'),
    reference: z.string().regex(/^DARS-\d{4}-\d{5}$/, 'a case reference like DARS-2026-00042'),
    enquiry: enquirySchema,
  }),
  z.object({ type: z.literal('requestInformation'), question: text('the question for the applicant', 2000) }),
  z.object({ type: z.literal('answerInformationRequest'), answer: text('your answer', 5000) }),
  z.object({
    type: z.literal('declineEnquiry'),
    reason: text('the reason for declining', 2000),
    alternatives: z.array(text('an alternative', 500)).min(1, 'say where else the applicant could go (at least one alternative)'),
  }),
  z.object({ type: z.literal('acceptEnquiry') }),
] as const;

export type EnquiryCommand = z.infer<(typeof enquiryCommandSchemas)[number]>;

export const enquiryDeciders: Deciders<EnquiryCommand> = {
  submitEnquiry: (_none, command, ctx) => accept([{ type: 'enquirySubmitted', reference: command.reference, enquiry: command.enquiry, applicant: personOf(ctx.actor) }]),
  requestInformation: (state, command) => accept([{ type: 'informationRequested', requestNumber: state.facts.informationRequests.length + 1, question: command.question }]),
  answerInformationRequest: (state, command) => {
    // The status guarantees an open question: the last one asked.
    const requests = state.facts.informationRequests;
    const open = requests[requests.length - 1];
    return accept([{ type: 'informationProvided', requestNumber: open?.requestNumber ?? requests.length, answer: command.answer }]);
  },
  declineEnquiry: (_state, command) => accept([{ type: 'enquiryDeclined', reason: command.reason, alternatives: command.alternatives }]),
  acceptEnquiry: () => accept([{ type: 'enquiryAccepted' }]),
};

/** The case begins with its enquiry: the submitter is the applicant. */
export function openCase(event: EventOf<'enquirySubmitted'>): CaseState {
  return {
    reference: event.reference,
    stage: 'enquiry',
    status: 'enquiryUnderReview',
    facts: {
      enquiry: event.enquiry,
      informationRequests: [],
      assessments: [],
      earlyAdvice: [],
      application: { sections: {}, submissions: [], amendmentRequests: [] },
      specialConditions: [],
    },
    people: { applicant: event.applicant, members: [] },
    version: 0,
    openedAt: event.at,
    updatedAt: event.at,
    history: [],
  };
}

export const enquiryEvolvers: Evolvers<'enquirySubmitted' | 'informationRequested' | 'informationProvided' | 'enquiryDeclined' | 'enquiryAccepted'> = {
  // A case is opened by `openCase` (evolve/index.ts); a second enquiry on it is corrupt history.
  enquirySubmitted: (state) => {
    throw new Error(`Case ${state.reference} already has an enquiry.`);
  },
  informationRequested: (state, event) => withFacts(state, {
    informationRequests: [...state.facts.informationRequests, { requestNumber: event.requestNumber, question: event.question, asked: stampOf(event) }],
  }, 'awaitingEnquiryInformation'),
  informationProvided: (state, event) => withFacts(state, {
    informationRequests: state.facts.informationRequests.map((request) =>
      request.requestNumber === event.requestNumber ? { ...request, answer: event.answer, answered: stampOf(event) } : request),
  }, 'enquiryUnderReview'),
  enquiryDeclined: (state, event) => withFacts(state, {
    enquiryDecision: { accepted: false, reason: event.reason, alternatives: event.alternatives, stamp: stampOf(event) },
    closure: { reason: event.reason, stamp: stampOf(event) },
  }, 'enquiryDeclined'),
  enquiryAccepted: (state, event) => withFacts(state, { enquiryDecision: { accepted: true, stamp: stampOf(event) } }, 'assessing'),
};
