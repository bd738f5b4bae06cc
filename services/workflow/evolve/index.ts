import type { CaseEvent } from '../events';
import type { CaseState } from '../state/caseState';
import { nextActionFor } from '../state/nextAction';
import { stageOf } from '../statuses';
import { evolveAccess, evolveLifecycle } from './access';
import { evolveApplication } from './application';
import { evolveAssurance } from './assurance';
import { evolveClock } from './clock';
import { evolveDsa } from './dsa';
import { evolveEnquiry, openCase } from './enquiry';
import { evolveEvidence } from './evidence';
import { evolvePreliminaryAssessment } from './preliminaryAssessment';

/**
 * Applies one event. The state's stage follows its status, its version counts its events, and
 * its next action is recomputed — so every reader sees the same derived facts.
 * Throws on an event that cannot apply (history that does not start with an enquiry): that is
 * corrupt data, not a decision to refuse.
 */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (!state) {
    if (event.type !== 'enquirySubmitted') throw new Error(`A case's history must start with enquirySubmitted, not ${event.type}.`);
    return finish(openCase(event), event);
  }
  return finish(apply(state, event), event);
}

function finish(state: CaseState, event: CaseEvent): CaseState {
  const next: CaseState = { ...state, stage: stageOf(state.status), version: state.version + 1, updatedAt: event.at, history: [...state.history, event] };
  const nextAction = nextActionFor(next);
  if (nextAction) return { ...next, nextAction };
  const closed: { -readonly [K in keyof CaseState]: CaseState[K] } = { ...next };
  delete closed.nextAction;
  return closed;
}

function apply(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'enquirySubmitted':
      throw new Error(`Case ${state.reference} already has an enquiry.`);
    case 'informationRequested':
    case 'informationProvided':
    case 'enquiryDeclined':
    case 'enquiryAccepted':
      return evolveEnquiry(state, event);
    case 'preliminaryAssessmentRecorded':
    case 'earlyAdviceRequested':
    case 'earlyAdviceGiven':
    case 'fundingConfirmed':
    case 'readyToApply':
    case 'assessmentNotSupported':
      return evolvePreliminaryAssessment(state, event);
    case 'darsContactAllocated':
    case 'applicationSectionSaved':
    case 'applicationSubmitted':
    case 'amendmentsRequested':
    case 'applicationResubmitted':
    case 'applicationAccepted':
      return evolveApplication(state, event);
    case 'assuranceLevelRecommended':
    case 'assuranceLevelConfirmed':
    case 'reviewRecorded':
    case 'additionalAssuranceProvided':
    case 'assuranceCompleted':
    case 'applicationApproved':
      return evolveAssurance(state, event);
    case 'dsaGenerated':
    case 'dsaSignaturesLapsed':
    case 'dsaSent':
    case 'dsaSigned':
    case 'dsaDeclined':
    case 'dsaExecuted':
      return evolveDsa(state, event);
    case 'serviceAgreementSigned':
    case 'cohortFileDueSet':
    case 'cohortFileReceived':
    case 'accessArranged':
      return evolveAccess(state, event);
    case 'evidenceAttached':
      return evolveEvidence(state, event);
    case 'applicantMemberInvited':
    case 'applicantMemberRemoved':
    case 'caseWithdrawn':
    case 'caseClosed':
      return evolveLifecycle(state, event);
    case 'clockStarted':
    case 'clockPaused':
    case 'clockResumed':
    case 'clockStopped':
      return evolveClock(state, event);
    case 'deadlineNoticeSent':
      return state; // history only: a notice changes nothing about where the case stands
  }
}

/** The case as the fold of its events; undefined for an empty history. */
export function foldCase(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>((state, event) => evolve(state, event), undefined);
}
