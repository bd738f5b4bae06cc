/**
 * Where a case is. The stage is DOMAIN.md's (enquiry … access, then closed); the status is the
 * precise step inside it, which is what the permission table and the clocks key on. Each status
 * says, in words for a refusal, when something is possible ("while …") and where the case is now.
 */
export const caseStages = ['enquiry', 'preliminaryAssessment', 'application', 'assurance', 'approval', 'dsa', 'access', 'closed'] as const;
export type CaseStage = (typeof caseStages)[number];

export const stageNames: Readonly<Record<CaseStage, string>> = {
  enquiry: 'enquiry',
  preliminaryAssessment: 'preliminary assessment',
  application: 'application',
  assurance: 'assurance',
  approval: 'approval',
  dsa: 'Data Sharing Agreement',
  access: 'access',
  closed: 'closed',
};

interface StatusInfo {
  readonly stage: CaseStage;
  /** Completes "only …": when a command is possible. */
  readonly during: string;
  /** Completes "This case is …". */
  readonly now: string;
}

const statusTable = {
  // "new" is the status of a case that does not exist yet: only an enquiry can create it.
  new: { stage: 'enquiry', during: 'before an enquiry has been submitted', now: 'not yet submitted' },
  enquiryUnderReview: { stage: 'enquiry', during: 'while the enquiry is under review', now: 'at enquiry, under review by DARS' },
  awaitingEnquiryInformation: { stage: 'enquiry', during: 'while DARS waits for the applicant’s answer', now: 'at enquiry, waiting for the applicant to answer a question' },
  assessing: { stage: 'preliminaryAssessment', during: 'while the preliminary assessment is being done', now: 'at preliminary assessment, being assessed by DARS' },
  awaitingEarlyAdvice: { stage: 'preliminaryAssessment', during: 'while early advice is awaited', now: 'at preliminary assessment, waiting for early advice from assurance' },
  awaitingFundingConfirmation: { stage: 'preliminaryAssessment', during: 'while the applicant is asked to confirm funding', now: 'at preliminary assessment, waiting for the applicant to confirm funding' },
  assessmentComplete: { stage: 'preliminaryAssessment', during: 'once funding is confirmed', now: 'at preliminary assessment, waiting for DARS to decide' },
  awaitingDarsContact: { stage: 'application', during: 'while the application waits for a DARS contact', now: 'at application, waiting for a DARS contact' },
  drafting: { stage: 'application', during: 'while the applicant is writing the application', now: 'at application, being written by the applicant' },
  underAcceptanceReview: { stage: 'application', during: 'while the application is under acceptance review', now: 'at application, under acceptance review' },
  amendmentsRequested: { stage: 'application', during: 'while the applicant is amending the application', now: 'at application, waiting for the applicant’s amendments' },
  levelToConfirm: { stage: 'assurance', during: 'while the assurance level is to be confirmed', now: 'at assurance, waiting for the level to be confirmed' },
  inReview: { stage: 'assurance', during: 'while the assurance reviews are in progress', now: 'at assurance, with reviews in progress' },
  awaitingAdditionalAssurance: { stage: 'assurance', during: 'while a review waits for additional assurance from the applicant', now: 'at assurance, waiting for additional assurance from the applicant' },
  awaitingApproval: { stage: 'approval', during: 'once assurance is complete', now: 'at approval' },
  dsaToGenerate: { stage: 'dsa', during: 'once the application is approved', now: 'at the DSA, waiting for it to be generated' },
  dsaGenerated: { stage: 'dsa', during: 'once the DSA is generated', now: 'at the DSA, generated but not yet sent' },
  awaitingSignatures: { stage: 'dsa', during: 'while the DSA is out for signature', now: 'at the DSA, out for signature' },
  dsaDeclined: { stage: 'dsa', during: 'after a signatory declines the DSA', now: 'at the DSA, declined by a signatory' },
  arrangingAccess: { stage: 'access', during: 'while access is being arranged', now: 'at access, being arranged' },
  enquiryDeclined: { stage: 'closed', during: 'never', now: 'closed: the enquiry was declined' },
  notSupported: { stage: 'closed', during: 'never', now: 'closed: not supported' },
  withdrawn: { stage: 'closed', during: 'never', now: 'closed: withdrawn by the applicant' },
  closed: { stage: 'closed', during: 'never', now: 'closed by DARS' },
  accessArranged: { stage: 'closed', during: 'never', now: 'complete: access has been arranged' },
} as const satisfies Record<string, StatusInfo>;

export type CaseStatus = keyof typeof statusTable;
export const caseStatuses = Object.keys(statusTable) as CaseStatus[];
export const statusInfo: Readonly<Record<CaseStatus, StatusInfo>> = statusTable;

export function stageOf(status: CaseStatus): CaseStage {
  return statusInfo[status].stage;
}

/** Statuses of a case that exists and is not closed. */
export const openStatuses: readonly CaseStatus[] = caseStatuses.filter((status) => status !== 'new' && stageOf(status) !== 'closed');

export const closedStatuses: readonly CaseStatus[] = caseStatuses.filter((status) => stageOf(status) === 'closed');

export function openStatusesFrom(stage: CaseStage): CaseStatus[] {
  const from = caseStages.indexOf(stage);
  return openStatuses.filter((status) => caseStages.indexOf(stageOf(status)) >= from);
}
