import type { CaseState, SectionContents } from '../../../services/domain/workflow';
import { assessment, enquiry, generateDsa, HASH_A, HASH_B, NIC, REFERENCE, saveAllSections, saveSection, sections } from '../../workflow/support/data';
import { CaseDriver } from '../../workflow/support/driver';
import { abe, ada, asha, carl, dana, gus, mo, nina, pat, sam } from '../../workflow/support/people';
import { prose, proseLines } from './prose';

/**
 * One case driven through the real workflow (decide + evolve) from enquiry to access arranged,
 * with answers as long as the workflow allows, and every loop the process has: a question to the
 * applicant, early advice, amendments, additional assurance, a declined and regenerated DSA.
 * `journey()` holds the state at each moment worth rendering a card for.
 */
export const staffDana = { ...dana, roles: ['staff' as const] };

export function longSections(): SectionContents {
  const base = sections({ gpData: true });
  return {
    ...base,
    objective: { aim: prose(4000), howTheDataAchievesIt: prose(4000, 1), dataSubjects: prose(4000, 2), widerProgramme: prose(4000, 3) },
    processingActivities: { description: `${proseLines(40)}\n${prose(2000, 5)}`.slice(0, 8000) },
    expectedOutcomes: { outcomes: prose(4000, 4), measurableBenefits: prose(4000, 6) },
    commercialPurpose: { commercial: false, details: '' },
    dataRequested: {
      ...base.dataRequested,
      filters: prose(4000, 7),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `Field ${i + 1}: admission and discharge detail`, identifiableOrSensitive: i % 2 === 0, justification: i % 2 === 0 ? prose(2000, i) : '' })),
      includesUnder16s: false,
    },
    storageAndTerritory: { storageLocation: prose(1000), outsideUk: false, territoryOfUse: 'England and Wales' },
    subLicensing: { subLicensed: false, onwardSharing: prose(4000, 2) },
  };
}

function build(): Map<string, CaseState> {
  const snaps = new Map<string, CaseState>();
  const d = new CaseDriver();
  const snap = (label: string): void => void snaps.set(label, d.case);

  const organisations = Array.from({ length: 8 }, (_, i) => ({
    name: `Partner Organisation Number ${i + 1} of the National Hip Fracture Collaboration`,
    role: i === 0 ? ('data controller' as const) : ('data processor' as const),
  }));
  d.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: { ...enquiry({ gpData: true }), purpose: prose(2990), organisations } });
  d.do(ada, { type: 'inviteApplicantMember', member: { id: mo.id, name: mo.name } });
  snap('enquiryUnderReview');
  d.do(sam, { type: 'requestInformation', question: prose(2000, 3) });
  snap('awaitingEnquiryInformation');
  d.do(ada, { type: 'answerInformationRequest', answer: prose(5000, 4) });
  snap('enquiryAnswered');
  d.do(sam, { type: 'acceptEnquiry' });
  snap('assessing');
  d.do(sam, { type: 'requestEarlyAdvice', question: prose(2000, 5) });
  snap('awaitingEarlyAdvice');
  d.do(asha, { type: 'giveEarlyAdvice', advice: prose(5000, 6), likelyToBeSupported: true, actionsBeforeApplying: [prose(1000), prose(1000, 2), prose(1000, 4)] });
  const long = assessment({ novel: true, cohort: true });
  d.do(sam, {
    type: 'recordPreliminaryAssessment',
    assessment: {
      ...long,
      legalAndEthicalEvidence: ['Ethics approval', 's251 support (CAG)', prose(500, 1), prose(500, 2)],
      agreements: [
        { agreement: 'Data Sharing Agreement', signatory: 'the NHS England signatory and the data controller signatory' },
        { agreement: 'Secure Data Environment service agreement', signatory: 'the data controller signatory' },
      ],
      timeEstimate: { workingDays: 60, note: prose(1000, 3) },
    },
  });
  snap('awaitingFundingConfirmation');
  d.do(ada, {
    type: 'confirmFunding',
    fundingSource: prose(500, 2),
    paymentDetails: { purchaseOrderNumber: 'PO-2026-000417', invoiceContact: { name: 'Finance Office', email: 'finance@leeds.example.ac.uk' }, billingAddress: prose(1000, 1) },
  });
  snap('assessmentComplete');
  d.do(sam, { type: 'markReadyToApply' });
  snap('awaitingDarsContact');
  d.do(staffDana, { type: 'allocateDarsContact' });
  for (const save of saveAllSections(longSections())) d.do(ada, save);
  // The evidence the assessment asked for, with the longest names a file may have.
  for (const [i, kind] of (['ethicsApproval', 'cagSupport'] as const).entries()) {
    d.do(ada, { type: 'attachEvidence', fileId: `file-long-000${i}`, kind, fileName: `${prose(251, i).slice(0, 251)}.pdf`, size: 24 * 1024 * 1024, sha256: String(i).repeat(64) });
  }
  snap('drafting');
  d.do(ada, { type: 'submitApplication' });
  snap('underAcceptanceReview');
  d.do(staffDana, {
    type: 'requestAmendments',
    comments: (['objective', 'processingActivities', 'expectedOutcomes', 'dataRequested'] as const).map((section, i) => ({ section, comment: prose(2000, i) })),
  });
  snap('amendmentsRequested');
  const amended = longSections();
  d.do(ada, saveSection('processingActivities', { description: `${proseLines(10)}\nWe have added a third analyst, named in the annex.\n${proseLines(30, 3)}` }));
  d.do(ada, saveSection('expectedOutcomes', { ...amended.expectedOutcomes, measurableBenefits: prose(3000, 2) }));
  d.do(ada, { type: 'resubmitApplication' });
  snap('resubmitted');
  d.do(staffDana, { type: 'acceptApplication', nicNumber: NIC });
  snap('levelToConfirm');
  d.do(staffDana, { type: 'confirmAssuranceLevel', level: 'complex' });
  snap('inReview');
  d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'additionalAssuranceNeeded', actions: [prose(2000), prose(2000, 1), prose(2000, 2)] } });
  snap('awaitingAdditionalAssurance');
  d.do(ada, { type: 'respondToAdditionalAssurance', response: prose(8000, 3) });
  snap('assuranceResponded');
  d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
  d.do(gus, { type: 'recordReview', review: 'agd', outcome: { decision: 'supportedWithConditions', conditions: [prose(2000), prose(2000, 4)] } });
  d.do(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } });
  snap('awaitingApproval');
  d.do(abe, { type: 'approve' });
  snap('dsaToGenerate');
  d.do(staffDana, generateDsa(HASH_A));
  snap('dsaGenerated');
  d.do(staffDana, { type: 'sendDsa' });
  snap('awaitingSignatures');
  d.do(nina, { type: 'signDsa', party: 'nhse', typedName: 'Nina Signatory', authorityConfirmed: true, documentHash: HASH_A });
  snap('nhseSigned');
  d.do(carl, { type: 'declineDsa', party: 'dataController', reason: prose(2000, 5) });
  snap('dsaDeclined');
  d.do(staffDana, generateDsa(HASH_B));
  d.do(staffDana, { type: 'sendDsa' });
  snap('resent');
  d.do(nina, { type: 'signDsa', party: 'nhse', typedName: 'Nina Signatory', authorityConfirmed: true, documentHash: HASH_B });
  d.do(carl, { type: 'signDsa', party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: HASH_B });
  snap('arrangingAccess');
  d.do(carl, { type: 'signServiceAgreement', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: 'e'.repeat(64) });
  d.do(staffDana, { type: 'cohortFileDue', dueDate: '2026-06-15' });
  snap('cohortFileDue');
  d.do(ada, { type: 'receiveCohortFile', fileName: `${NIC}_cohort.csv`, rows: 250_000, contentHash: 'd'.repeat(64), failingRows: 0 });
  snap('accessReady');
  d.do(staffDana, { type: 'arrangeAccess' });
  snap('accessArranged');

  const closed = new CaseDriver();
  closed.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: { ...enquiry(), purpose: prose(2990) } });
  closed.do(ada, { type: 'withdraw', reason: prose(2000, 2) });
  snaps.set('withdrawn', closed.case);
  return snaps;
}

let cached: Map<string, CaseState> | undefined;

/** Every snapshot of the long case, by label (built once: each step is a real decision). */
export function journey(): Map<string, CaseState> {
  cached ??= build();
  return cached;
}

export function at(label: string): CaseState {
  const state = journey().get(label);
  if (!state) throw new Error(`no snapshot "${label}"`);
  return state;
}

export { HASH_A, HASH_B, NIC, REFERENCE };
