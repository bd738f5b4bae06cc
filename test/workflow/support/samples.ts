import { addWorkingDays } from '../../../services/domain/calendar/workingDays';
import { londonDate } from '../../../services/domain/calendar/isoDate';
import type { Actor, CaseCommand, CaseState, CaseStatus, PermissionKey } from '../../../services/domain/workflow';
import { assessment, enquiry, generateDsa, HASH_A, HASH_B, NIC, REFERENCE, saveSection, sections, START } from './data';
import { ada, carl, dana, mo, newcomer, pat, rita } from './people';

/**
 * A valid command for every row of the permission table, so the generated tests can show that
 * each allowed (command, status, role) is really accepted. Some need the case prepared first
 * (e.g. an amended section before a resubmission); `setup` does that without leaving the status.
 * A key with no sample here fails its test: adding a command means adding its sample.
 */
export interface Sample {
  readonly command: CaseCommand;
  readonly setup?: readonly (readonly [Actor, CaseCommand])[];
}

const signature = { typedName: 'A Signatory', authorityConfirmed: true as const };
const reason = 'A reason a person would give.';

export function sampleFor(key: PermissionKey, status: CaseStatus, state: CaseState | undefined): Sample {
  const currentHash = state?.facts.dsa?.contentHash ?? HASH_A;
  switch (key) {
    case 'submitEnquiry': return { command: { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry() } };
    case 'requestInformation': return { command: { type: 'requestInformation', question: 'Which years do you need?' } };
    case 'answerInformationRequest': return { command: { type: 'answerInformationRequest', answer: '2015 to 2024.' } };
    case 'declineEnquiry': return { command: { type: 'declineEnquiry', reason, alternatives: ['The ONS Secure Research Service'] } };
    case 'acceptEnquiry': return { command: { type: 'acceptEnquiry' } };
    case 'recordPreliminaryAssessment': return { command: { type: 'recordPreliminaryAssessment', assessment: assessment({ novel: true }) } };
    case 'requestEarlyAdvice': return { command: { type: 'requestEarlyAdvice', question: 'Is this contentious?' } };
    case 'giveEarlyAdvice': return { command: { type: 'giveEarlyAdvice', advice: 'Likely to be supported.', likelyToBeSupported: true, actionsBeforeApplying: [] } };
    case 'confirmFunding':
      return { command: { type: 'confirmFunding', fundingSource: 'Grant', paymentDetails: { invoiceContact: { name: 'Finance', email: 'finance@example.ac.uk' }, billingAddress: 'Leeds' } } };
    case 'markReadyToApply': return { command: { type: 'markReadyToApply' } };
    case 'markNotSupported': return { command: { type: 'markNotSupported', reason } };
    case 'allocateDarsContact':
      return status === 'awaitingDarsContact'
        ? { command: { type: 'allocateDarsContact' } }
        : { command: { type: 'allocateDarsContact', contact: { id: rita.id, name: rita.name }, replace: true } };
    case 'saveApplicationSection': return { command: saveSection('processingActivities', { description: 'Revised: analysis by three analysts.' }) };
    case 'submitApplication': return { command: { type: 'submitApplication' } };
    case 'requestAmendments': return { command: { type: 'requestAmendments', comments: [{ section: 'objective', comment: 'Name the control group.' }] } };
    case 'resubmitApplication':
      return {
        setup: [[ada, saveSection('expectedOutcomes', { ...sections().expectedOutcomes, measurableBenefits: 'Readmissions down 5% in two years.' })]],
        command: { type: 'resubmitApplication' },
      };
    case 'acceptApplication': return { command: { type: 'acceptApplication', nicNumber: NIC } };
    case 'confirmAssuranceLevel': return { command: { type: 'confirmAssuranceLevel', level: state?.facts.assurance?.recommended.level ?? 'standard' } };
    case 'recordReview:assurance':
      // In the standard case it is the assurance review that waits on the applicant: let PAG ask
      // too, and answer the assurance review, so the case still waits while assurance decides.
      return status === 'awaitingAdditionalAssurance'
        ? {
            setup: [
              [pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'additionalAssuranceNeeded', actions: ['Explain GP involvement.'] } }],
              [ada, { type: 'respondToAdditionalAssurance', review: 'assurance', response: 'Small-number suppression applies.' }],
            ],
            command: { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } },
          }
        : { command: { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } } };
    case 'recordReview:agd': return { command: { type: 'recordReview', review: 'agd', outcome: { decision: 'supportedWithConditions', conditions: ['Publish openly.'] } } };
    case 'recordReview:pag': return { command: { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } } };
    case 'respondToAdditionalAssurance': return { command: { type: 'respondToAdditionalAssurance', response: 'Small-number suppression applies.' } };
    case 'approve': return { command: { type: 'approve' } };
    case 'generateDsa': return { command: generateDsa(state?.facts.dsa ? HASH_B : HASH_A) };
    case 'sendDsa': return { command: { type: 'sendDsa' } };
    case 'signDsa:nhse': return { command: { type: 'signDsa', party: 'nhse', ...signature, documentHash: currentHash } };
    case 'signDsa:dataController': return { command: { type: 'signDsa', party: 'dataController', ...signature, documentHash: currentHash } };
    case 'declineDsa:nhse': return { command: { type: 'declineDsa', party: 'nhse', reason } };
    case 'declineDsa:dataController': return { command: { type: 'declineDsa', party: 'dataController', reason } };
    case 'signServiceAgreement': return { command: { type: 'signServiceAgreement', ...signature, documentHash: 'e'.repeat(64) } };
    case 'cohortFileDue': return { command: { type: 'cohortFileDue', dueDate: addWorkingDays(londonDate(state ? new Date(state.updatedAt) : START), 5) } };
    case 'receiveCohortFile': return { command: { type: 'receiveCohortFile', fileName: `${NIC}_cohort.csv`, rows: 10, contentHash: 'f'.repeat(64), failingRows: 0 } };
    case 'attachEvidence': return { command: { type: 'attachEvidence', fileId: 'file-0000-0001', kind: 'ethicsApproval', fileName: 'ethics-approval.pdf', size: 84_000, sha256: 'a'.repeat(64) } };
    case 'arrangeAccess':
      return {
        setup: [
          [carl, { type: 'signServiceAgreement', ...signature, documentHash: 'e'.repeat(64) }],
          [dana, { type: 'cohortFileDue', dueDate: '2026-06-10' }],
          [mo, { type: 'receiveCohortFile', fileName: `${NIC}_cohort.csv`, rows: 10, contentHash: 'f'.repeat(64), failingRows: 0 }],
        ],
        command: { type: 'arrangeAccess' },
      };
    case 'inviteApplicantMember': return { command: { type: 'inviteApplicantMember', member: { id: newcomer.id, name: newcomer.name } } };
    case 'removeApplicantMember': return { command: { type: 'removeApplicantMember', memberId: mo.id } };
    case 'withdraw': return { command: { type: 'withdraw', reason } };
    case 'close': return { command: { type: 'close', reason } };
  }
}

