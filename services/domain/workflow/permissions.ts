import type { ReviewKind } from '../rules/reviews';
import type { CaseCommand, CommandType } from './commands';
import type { SignatoryParty } from './commands/fields';
import { refuse, type Refusal } from './decision';
import { roleNames, staffRoles, type CaseRole } from './roles';
import type { CaseState } from './state/caseState';
import { openStatuses, openStatusesFrom, statusInfo, type CaseStatus } from './statuses';

/**
 * Who may issue which command at which status: the permission table, as data. `decide` consults
 * it before anything else. Commands whose rightful role depends on their content (which review,
 * which signatory) have one row per variant, e.g. "recordReview:pag".
 */
export type PermissionKey =
  | Exclude<CommandType, 'recordReview' | 'signDsa' | 'declineDsa'>
  | `recordReview:${ReviewKind}`
  | `signDsa:${SignatoryParty}`
  | `declineDsa:${SignatoryParty}`;

export interface Permission {
  readonly roles: readonly CaseRole[];
  readonly statuses: readonly CaseStatus[];
  /** Completes "Only … can …". */
  readonly action: string;
  /** Completes "only …" when the list of statuses would read badly. */
  readonly when?: string;
}

const beforeClosed = 'before the case is closed';
const reviewStatuses: CaseStatus[] = ['inReview', 'awaitingAdditionalAssurance'];
const dsaOpen: CaseStatus[] = ['dsaToGenerate', 'dsaGenerated', 'awaitingSignatures', 'dsaDeclined'];
const assessmentOpen: CaseStatus[] = ['assessing', 'awaitingEarlyAdvice', 'awaitingFundingConfirmation', 'assessmentComplete'];

export const permissions: Readonly<Record<PermissionKey, Permission>> = {
  // Enquiry
  submitEnquiry: { roles: ['applicant'], statuses: ['new'], action: 'submit an enquiry', when: 'once, to open a new case' },
  requestInformation: { roles: ['staff'], statuses: ['enquiryUnderReview'], action: 'ask the applicant for more information' },
  answerInformationRequest: { roles: ['applicant', 'applicantMember'], statuses: ['awaitingEnquiryInformation'], action: 'answer DARS’s question' },
  declineEnquiry: { roles: ['staff'], statuses: ['enquiryUnderReview', 'awaitingEnquiryInformation'], action: 'decline an enquiry' },
  acceptEnquiry: { roles: ['staff'], statuses: ['enquiryUnderReview'], action: 'accept an enquiry into preliminary assessment' },
  // Preliminary assessment
  recordPreliminaryAssessment: {
    roles: ['staff'], statuses: ['assessing', 'awaitingFundingConfirmation', 'assessmentComplete'], action: 'record the preliminary assessment',
    when: 'during preliminary assessment, when no early advice is awaited',
  },
  requestEarlyAdvice: { roles: ['staff'], statuses: ['assessing'], action: 'ask assurance for early advice' },
  giveEarlyAdvice: { roles: ['assurance'], statuses: ['awaitingEarlyAdvice'], action: 'give early advice' },
  confirmFunding: { roles: ['applicant'], statuses: ['awaitingFundingConfirmation'], action: 'confirm the funding source and payment details' },
  markReadyToApply: { roles: ['staff'], statuses: ['assessmentComplete'], action: 'mark a case ready to apply' },
  markNotSupported: { roles: ['staff'], statuses: assessmentOpen, action: 'mark a request not supported', when: 'during preliminary assessment' },
  // Application
  allocateDarsContact: {
    roles: ['staff'], statuses: openStatusesFrom('application'), action: 'allocate a DARS contact',
    when: 'from the application stage until the case is closed',
  },
  saveApplicationSection: { roles: ['applicant', 'applicantMember'], statuses: ['drafting', 'amendmentsRequested'], action: 'edit the application' },
  submitApplication: { roles: ['applicant'], statuses: ['drafting'], action: 'submit the application' },
  requestAmendments: { roles: ['darsContact', 'staff'], statuses: ['underAcceptanceReview'], action: 'request amendments' },
  resubmitApplication: { roles: ['applicant'], statuses: ['amendmentsRequested'], action: 'resubmit the application' },
  acceptApplication: { roles: ['darsContact', 'staff'], statuses: ['underAcceptanceReview'], action: 'accept the application' },
  // Assurance and approval
  confirmAssuranceLevel: { roles: ['darsContact', 'staff', 'assurance'], statuses: ['levelToConfirm'], action: 'confirm the assurance level' },
  'recordReview:assurance': { roles: ['assurance'], statuses: reviewStatuses, action: 'record the assurance review', when: 'during assurance, once the level is confirmed' },
  'recordReview:agd': { roles: ['agd'], statuses: reviewStatuses, action: 'record AGD’s advice', when: 'during assurance, once the level is confirmed' },
  'recordReview:pag': { roles: ['pag'], statuses: reviewStatuses, action: 'record PAG’s advice', when: 'during assurance, once the level is confirmed' },
  respondToAdditionalAssurance: { roles: ['applicant', 'applicantMember'], statuses: ['awaitingAdditionalAssurance'], action: 'respond to a request for additional assurance' },
  approve: { roles: ['approver'], statuses: ['awaitingApproval'], action: 'approve an application' },
  // Data Sharing Agreement
  generateDsa: { roles: ['darsContact', 'staff'], statuses: dsaOpen, action: 'generate the DSA', when: 'once the application is approved, until the DSA is signed' },
  sendDsa: { roles: ['darsContact', 'staff'], statuses: ['dsaGenerated', 'dsaDeclined'], action: 'send the DSA for signature' },
  'signDsa:nhse': { roles: ['nhseSignatory'], statuses: ['awaitingSignatures'], action: 'sign the DSA for NHS England' },
  'signDsa:dataController': { roles: ['dataControllerSignatory'], statuses: ['awaitingSignatures'], action: 'sign the DSA for the data controller' },
  'declineDsa:nhse': { roles: ['nhseSignatory'], statuses: ['awaitingSignatures'], action: 'decline the DSA for NHS England' },
  'declineDsa:dataController': { roles: ['dataControllerSignatory'], statuses: ['awaitingSignatures'], action: 'decline the DSA for the data controller' },
  // Access
  signServiceAgreement: { roles: ['dataControllerSignatory'], statuses: ['arrangingAccess'], action: 'sign the service agreement' },
  cohortFileDue: { roles: ['darsContact', 'staff'], statuses: ['arrangingAccess'], action: 'set when the cohort file is due' },
  receiveCohortFile: { roles: ['applicant', 'applicantMember'], statuses: ['arrangingAccess'], action: 'send the cohort file' },
  arrangeAccess: { roles: ['darsContact', 'staff'], statuses: ['arrangingAccess'], action: 'mark access as arranged' },
  // Evidence: sent from the preliminary assessment (which says what is needed) until the case closes.
  attachEvidence: {
    roles: ['applicant', 'applicantMember'], statuses: openStatusesFrom('preliminaryAssessment'), action: 'attach evidence to the case',
    when: 'from the preliminary assessment until the case is closed',
  },
  // Any stage. DOMAIN: the applicant may withdraw at any point before access (i.e. until access is arranged).
  inviteApplicantMember: { roles: ['applicant'], statuses: openStatuses, action: 'invite someone to the application', when: beforeClosed },
  removeApplicantMember: { roles: ['applicant'], statuses: openStatuses, action: 'remove someone from the application', when: beforeClosed },
  withdraw: { roles: ['applicant'], statuses: openStatuses, action: 'withdraw the request', when: 'before access is arranged' },
  close: { roles: ['staff'], statuses: openStatuses, action: 'close a case', when: beforeClosed },
};

export function permissionKey(command: CaseCommand): PermissionKey {
  switch (command.type) {
    case 'recordReview':
      return `recordReview:${command.review}`;
    case 'signDsa':
    case 'declineDsa':
      return `${command.type}:${command.party}`;
    default:
      return command.type;
  }
}

export const permissionKeys = Object.keys(permissions) as PermissionKey[];

/** Every (command, status, role) the table allows: the generated tests walk this list. */
export function allowedTriples(): { key: PermissionKey; status: CaseStatus; role: CaseRole }[] {
  return permissionKeys.flatMap((key) =>
    permissions[key].statuses.flatMap((status) => permissions[key].roles.map((role) => ({ key, status, role }))),
  );
}

export function isAllowed(key: PermissionKey, status: CaseStatus, roles: readonly CaseRole[]): boolean {
  const permission = permissions[key];
  return permission.statuses.includes(status) && permission.roles.some((role) => roles.includes(role));
}

function joinOr(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1] ?? ''}`;
}

function whenPhrase(permission: Permission): string {
  return permission.when ?? joinOr(permission.statuses.map((status) => statusInfo[status].during));
}

/**
 * Refuses with a sentence when the table does not allow the actor to do this now; otherwise
 * returns the roles that grant it.
 */
export function checkPermission(key: PermissionKey, state: CaseState | undefined, roles: readonly CaseRole[]): Refusal | { granted: CaseRole[] } {
  const permission = permissions[key];
  const status: CaseStatus = state?.status ?? 'new';
  const granted = permission.roles.filter((role) => roles.includes(role));
  const where = `This case is ${statusInfo[status].now}.`;
  const next = state?.nextAction ? ` Next: ${state.nextAction.description}.` : '';
  if (granted.length === 0) {
    const who = joinOr(permission.roles.map((role) => roleNames[role]));
    return refuse('forbidden', `Only ${who} can ${permission.action}, and only ${whenPhrase(permission)}. ${where}`);
  }
  if (!permission.statuses.includes(status)) {
    return refuse('wrongStage', `You can ${permission.action} only ${whenPhrase(permission)}. ${where}${next}`);
  }
  // Separation of duties: nobody takes a staff decision on a case they are applying through.
  const onlyStaff = granted.every((role) => (staffRoles as readonly string[]).includes(role));
  if (state && onlyStaff && (roles.includes('applicant') || roles.includes('applicantMember'))) {
    return refuse('forbidden', `You are on the applicant’s side of this case, so you cannot ${permission.action}: someone independent of the application must do it.`);
  }
  return { granted };
}
