import type { DeadlineClock } from '../../calendar/deadlineClock';
import type { IsoDate } from '../../calendar/isoDate';
import type { AssuranceFacts } from '../../rules/assuranceLevel';
import type { EvidenceKind } from '../../rules/evidence';
import type { CostEstimate } from '../../rules/charges';
import type { ClockName } from '../../rules/config';
import type { RequiredReview, ReviewKind } from '../../rules/reviews';
import type { SecurityOutcome } from '../../rules/security';
import type { SectionContent, SectionName } from '../application/sections';
import type { AmendmentComment, DsaTerms, PaymentDetails, PreliminaryAssessment, ReviewOutcome } from '../commands/shapes';
import type { SignatoryParty } from '../commands/fields';
import type { DsaSignatureRecord } from '../events';
import type { PersonRef } from '../roles';

/** The facts a case collects, stage by stage. Every version is kept; the last is current. */

export interface Stamp {
  readonly by: PersonRef;
  readonly at: string;
}

export interface InformationRequest {
  readonly requestNumber: number;
  readonly question: string;
  readonly asked: Stamp;
  readonly answer?: string;
  readonly answered?: Stamp;
}

export interface AssessmentRecord {
  readonly assessmentVersion: number;
  readonly assessment: PreliminaryAssessment;
  readonly costEstimate: CostEstimate;
  readonly securityCheck: SecurityOutcome;
  readonly recorded: Stamp;
}

export interface EarlyAdviceRecord {
  readonly question: string;
  readonly requested: Stamp;
  readonly advice?: { readonly text: string; readonly likelyToBeSupported: boolean; readonly actionsBeforeApplying: readonly string[]; readonly given: Stamp };
}

export interface FundingRecord {
  readonly fundingSource: string;
  readonly paymentDetails: PaymentDetails;
  readonly confirmed: Stamp;
}

export interface SectionRevision {
  readonly section: SectionName;
  /** 1, 2, 3… for each save of this section. */
  readonly revision: number;
  /** The application version this revision was written for (the next one to be submitted). */
  readonly applicationVersion: number;
  readonly content: SectionContent;
  readonly saved: Stamp;
}

export interface Submission {
  readonly version: number;
  readonly sectionRevisions: Partial<Record<SectionName, number>>;
  readonly changedSections: readonly SectionName[];
  readonly submitted: Stamp;
}

export interface AmendmentRequest {
  readonly version: number;
  readonly comments: readonly AmendmentComment[];
  readonly requested: Stamp;
}

export interface ApplicationRecord {
  /** Every revision of every section, oldest first. */
  readonly sections: Partial<Record<SectionName, readonly SectionRevision[]>>;
  readonly submissions: readonly Submission[];
  readonly amendmentRequests: readonly AmendmentRequest[];
  readonly accepted?: Stamp & { readonly version: number };
}

export type ReviewState = 'pending' | 'awaitingApplicant' | 'supported' | 'supportedWithConditions' | 'notSupported';

export interface ReviewRound {
  readonly outcome: ReviewOutcome;
  readonly recorded: Stamp;
  readonly response?: { readonly text: string; readonly given: Stamp };
}

export interface ReviewRecord {
  readonly review: ReviewKind;
  readonly reason: string;
  readonly state: ReviewState;
  readonly rounds: readonly ReviewRound[];
}

export interface AssuranceRecord {
  readonly recommended: { readonly level: string; readonly label: string; readonly reasons: readonly string[]; readonly facts: AssuranceFacts };
  readonly confirmed?: { readonly level: string; readonly label: string; readonly reason?: string; readonly stamp: Stamp };
  readonly requiredReviews: readonly RequiredReview[];
  readonly reviews: Partial<Record<ReviewKind, ReviewRecord>>;
  readonly completed?: Stamp;
}

export interface DsaRecord {
  readonly dsaVersion: number;
  readonly contentHash: string;
  readonly documentName: string;
  readonly terms: DsaTerms;
  readonly specialConditions: readonly string[];
  readonly generated: Stamp;
  readonly sent?: Stamp;
  /** Signatures on the current version only. */
  readonly signatures: readonly DsaSignatureRecord[];
  /** Signatures on earlier versions, lapsed when the DSA was regenerated. */
  readonly lapsedSignatures: readonly DsaSignatureRecord[];
  readonly declines: readonly { readonly party: SignatoryParty; readonly reason: string; readonly dsaVersion: number; readonly stamp: Stamp }[];
  readonly executed?: Stamp;
}

/** A file the applicant attached in chat as evidence; its bytes are in the file store under `fileId`. */
export interface EvidenceFileRecord {
  readonly fileId: string;
  readonly kind: EvidenceKind;
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
  readonly attached: Stamp;
}

export interface CohortFileRecord {
  /** Where its bytes are kept (the file store); absent for files received before they were kept. */
  readonly fileId?: string;
  readonly fileName: string;
  readonly rows: number;
  readonly contentHash: string;
  readonly firstFile: boolean;
  readonly received: Stamp;
}

export interface AccessRecord {
  readonly serviceAgreement: { readonly required: boolean; readonly signed?: Stamp & { readonly typedName: string; readonly documentHash: string } };
  readonly cohortFile: { readonly required: boolean; readonly dueDate?: IsoDate; readonly files: readonly CohortFileRecord[] };
  readonly arranged?: Stamp;
}

export interface ClosureRecord {
  readonly reason: string;
  readonly stamp: Stamp;
}

export type CaseClock = DeadlineClock & { readonly name: ClockName };
