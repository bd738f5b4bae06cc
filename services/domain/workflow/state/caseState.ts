import type { IsoDate } from '../../calendar/isoDate';
import type { Enquiry } from '../../enquiry/enquiry';
import type { CaseEvent, SpecialCondition } from '../events';
import type { CaseRole, PersonRef } from '../roles';
import type { CaseStage, CaseStatus } from '../statuses';
import type {
  AccessRecord, ApplicationRecord, AssessmentRecord, AssuranceRecord, CaseClock, ClosureRecord, DsaRecord,
  EarlyAdviceRecord, EvidenceFileRecord, FundingRecord, InformationRequest, Stamp,
} from './records';

/**
 * A case: the fold of its events (`foldCase`). Stored beside its events so queues and cards read
 * it directly; it can always be rebuilt from `history`.
 */
export interface CaseState {
  readonly reference: string;
  /** Given when the application is accepted. */
  readonly nicNumber?: string;
  readonly stage: CaseStage;
  readonly status: CaseStatus;
  readonly facts: CaseFacts;
  readonly people: CasePeople;
  /** The current stage's deadline clock (stopped once the case closes). */
  readonly clock?: CaseClock;
  /** What must happen next, who holds it, and by when; absent once the case is closed. */
  readonly nextAction?: NextAction;
  /** The number of events: the expected version for the next append. */
  readonly version: number;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly history: readonly CaseEvent[];
}

export interface CasePeople {
  /** The case owner: the person who submitted the enquiry. */
  readonly applicant: PersonRef;
  readonly members: readonly PersonRef[];
  readonly darsContact?: PersonRef;
  readonly dataControllerSignatory?: PersonRef & { readonly email: string; readonly organisation: string };
}

export interface CaseFacts {
  readonly enquiry: Enquiry;
  readonly informationRequests: readonly InformationRequest[];
  readonly enquiryDecision?: { readonly accepted: boolean; readonly reason?: string; readonly alternatives?: readonly string[]; readonly stamp: Stamp };
  readonly assessments: readonly AssessmentRecord[];
  readonly earlyAdvice: readonly EarlyAdviceRecord[];
  readonly funding?: FundingRecord;
  readonly application: ApplicationRecord;
  readonly assurance?: AssuranceRecord;
  readonly specialConditions: readonly SpecialCondition[];
  readonly approval?: Stamp;
  readonly dsa?: DsaRecord;
  readonly access?: AccessRecord;
  readonly closure?: ClosureRecord;
  /** Evidence files attached in chat, in order (absent until the first). */
  readonly evidence?: readonly EvidenceFileRecord[];
}

/** Who holds the next action: a role (anyone holding it) or a named person. */
export type ActionHolder = { readonly kind: 'role'; readonly role: CaseRole } | { readonly kind: 'person'; readonly id: string; readonly name: string };

export interface NextAction {
  readonly description: string;
  /** Several when work runs in parallel (reviews, signatures). */
  readonly holders: readonly ActionHolder[];
  /** The last day on time; absent when nothing is due. */
  readonly due?: IsoDate;
  /** What `due` is: the stage's target, the applicant's reply, or the cohort file the DSA requires. */
  readonly dueFor?: 'stage' | 'applicantReply' | 'cohortFile';
}
