import type { IsoDate } from '../calendar/isoDate';
import type { Enquiry } from '../enquiry/enquiry';
import type { EvidenceKind } from '../rules/evidence';
import type { AssuranceFacts } from '../rules/assuranceLevel';
import type { CostEstimate } from '../rules/charges';
import type { ClockName } from '../rules/config';
import type { RequiredReview, ReviewKind } from '../rules/reviews';
import type { SecurityOutcome } from '../rules/security';
import type { SectionContent, SectionName } from './application/sections';
import type { AmendmentComment, DsaTerms, PaymentDetails, PreliminaryAssessment, ReviewOutcome } from './commands/shapes';
import type { SignatoryParty } from './commands/fields';
import type { PersonRef } from './roles';

/**
 * What happened to a case. The event list is the case: the state is its fold, and the history
 * people read is these events in words (the presentation table, cards/events, outside the
 * workflow). Events are never edited or deleted.
 * Each carries everything needed to apply it — dates computed from the calendar, costs from the
 * tariff — so replaying history never depends on today's configuration.
 */
export interface EventEnvelope {
  /** ISO 8601 instant of the decision. */
  readonly at: string;
  /** Who made the decision (Entra object id and display name). */
  readonly actor: PersonRef;
  /** The Teams activity that caused it: the idempotency key of the decision. */
  readonly activityId: string;
}

export interface SpecialCondition {
  readonly text: string;
  /** Where it came from: a review, or the security assessment. */
  readonly source: ReviewKind | 'security';
}

export interface DsaSignatureRecord {
  readonly party: SignatoryParty;
  readonly signer: PersonRef;
  readonly typedName: string;
  readonly documentHash: string;
  readonly dsaVersion: number;
  readonly at: string;
}

export type CaseEventBody =
  // Enquiry
  | { type: 'enquirySubmitted'; reference: string; enquiry: Enquiry; applicant: PersonRef }
  | { type: 'informationRequested'; requestNumber: number; question: string }
  | { type: 'informationProvided'; requestNumber: number; answer: string }
  | { type: 'enquiryDeclined'; reason: string; alternatives: string[] }
  | { type: 'enquiryAccepted' }
  // Preliminary assessment
  | { type: 'preliminaryAssessmentRecorded'; assessmentVersion: number; assessment: PreliminaryAssessment; costEstimate: CostEstimate; securityCheck: SecurityOutcome }
  | { type: 'earlyAdviceRequested'; question: string }
  | { type: 'earlyAdviceGiven'; advice: string; likelyToBeSupported: boolean; actionsBeforeApplying: string[]; sharedWithApplicant?: boolean }
  | { type: 'fundingConfirmed'; fundingSource: string; paymentDetails: PaymentDetails }
  | { type: 'readyToApply' }
  | { type: 'assessmentNotSupported'; reason: string }
  // Application
  | { type: 'darsContactAllocated'; contact: PersonRef; previous?: PersonRef }
  | { type: 'applicationSectionSaved'; section: SectionName; content: SectionContent; revision: number; applicationVersion: number }
  | { type: 'applicationSubmitted'; version: number; sectionRevisions: Partial<Record<SectionName, number>> }
  | { type: 'amendmentsRequested'; version: number; comments: AmendmentComment[] }
  | { type: 'applicationResubmitted'; version: number; sectionRevisions: Partial<Record<SectionName, number>>; changedSections: SectionName[] }
  | { type: 'applicationAccepted'; version: number; nicNumber: string; specialConditions: SpecialCondition[] }
  // Assurance and approval
  | { type: 'assuranceLevelRecommended'; level: string; label: string; reasons: string[]; facts: AssuranceFacts }
  | { type: 'assuranceLevelConfirmed'; level: string; label: string; recommendedLevel: string; reason?: string; requiredReviews: RequiredReview[] }
  | { type: 'reviewRecorded'; review: ReviewKind; outcome: ReviewOutcome }
  | { type: 'additionalAssuranceProvided'; review: ReviewKind; response: string }
  | { type: 'assuranceCompleted'; specialConditions: SpecialCondition[] }
  | { type: 'applicationApproved' }
  // Data Sharing Agreement
  | { type: 'dsaGenerated'; dsaVersion: number; contentHash: string; documentName: string; terms: DsaTerms; specialConditions: string[] }
  | { type: 'dsaSignaturesLapsed'; dsaVersion: number; signatures: DsaSignatureRecord[] }
  | { type: 'dsaSent'; dsaVersion: number; contentHash: string }
  | { type: 'dsaSigned'; party: SignatoryParty; typedName: string; documentHash: string; dsaVersion: number }
  | { type: 'dsaDeclined'; party: SignatoryParty; reason: string; dsaVersion: number }
  | { type: 'dsaExecuted'; dsaVersion: number; contentHash: string; serviceAgreementRequired: boolean; cohortFileRequired: boolean }
  // Access
  | { type: 'serviceAgreementSigned'; typedName: string; documentHash: string }
  | { type: 'cohortFileDueSet'; dueDate: IsoDate }
  | { type: 'cohortFileReceived'; fileName: string; rows: number; contentHash: string; firstFile: boolean; fileId?: string }
  | { type: 'accessArranged' }
  // Evidence, attached in chat at any stage
  | { type: 'evidenceAttached'; fileId: string; kind: EvidenceKind; fileName: string; size: number; sha256: string }
  // Any stage
  | { type: 'applicantMemberInvited'; member: PersonRef }
  | { type: 'applicantMemberRemoved'; member: PersonRef }
  | { type: 'caseWithdrawn'; reason: string }
  | { type: 'caseClosed'; reason: string }
  // Deadlines
  | { type: 'clockStarted'; clock: ClockName; startedOn: IsoDate; targetWorkingDays: number; due: IsoDate }
  | { type: 'clockPaused'; clock: ClockName; pausedOn: IsoDate; respondBy: IsoDate }
  | { type: 'clockResumed'; clock: ClockName; resumedOn: IsoDate; pausedWorkingDays: number; due: IsoDate }
  | { type: 'clockStopped'; clock: ClockName; stoppedOn: IsoDate; due: IsoDate; late: boolean }
  // Deadline notices the bot sent (its own decision, recorded like any other)
  | { type: 'deadlineNoticeSent'; notice: DeadlineNoticeKind; due: IsoDate; description: string };

/** A reminder before a due date goes to whoever holds the next action; an escalation after it, to triage. */
export type DeadlineNoticeKind = 'reminder' | 'escalation';

export type CaseEvent = CaseEventBody & EventEnvelope;
export type CaseEventType = CaseEventBody['type'];
export type EventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
