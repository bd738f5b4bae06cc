import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';
import { stampOf, withFacts } from './helpers';

type EnquiryEvent = EventOf<'informationRequested' | 'informationProvided' | 'enquiryDeclined' | 'enquiryAccepted'>;

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

export function evolveEnquiry(state: CaseState, event: EnquiryEvent): CaseState {
  const facts = state.facts;
  switch (event.type) {
    case 'informationRequested':
      return withFacts(state, {
        informationRequests: [...facts.informationRequests, { requestNumber: event.requestNumber, question: event.question, asked: stampOf(event) }],
      }, 'awaitingEnquiryInformation');
    case 'informationProvided':
      return withFacts(state, {
        informationRequests: facts.informationRequests.map((request) =>
          request.requestNumber === event.requestNumber ? { ...request, answer: event.answer, answered: stampOf(event) } : request),
      }, 'enquiryUnderReview');
    case 'enquiryDeclined':
      return withFacts(state, {
        enquiryDecision: { accepted: false, reason: event.reason, alternatives: event.alternatives, stamp: stampOf(event) },
        closure: { reason: event.reason, stamp: stampOf(event) },
      }, 'enquiryDeclined');
    case 'enquiryAccepted':
      return withFacts(state, { enquiryDecision: { accepted: true, stamp: stampOf(event) } }, 'assessing');
  }
}
