import assert from 'node:assert/strict';
import { dsaTermsFromCard } from '../../cards/actions/dsaTermsInputs';
import { cardVerbs, commandFromCardAction, type CardActionContext } from '../../cards/verbs';
import type { CaseCommand, ParsedCommand } from '../../services/domain/workflow';
import { HASH_B, NIC } from '../workflow/support/data';
import { carl } from '../workflow/support/people';
import { at } from './support/longCase';

/**
 * Each verb builds its workflow command from the card's inputs; bad input is refused with a
 * sentence naming the field as the card labels it.
 */
const signing = at('resent');
const base = (state = signing) => ({ caseId: state.reference, version: state.version });
/** The bot has looked the signatory up by the card's email (bot/cardActions/identifierLookups.ts). */
const foundCarl: CardActionContext = { signatory: { id: carl.id, name: 'Carl Controller', email: 'carl.controller@leeds.example.ac.uk' } };
const assessmentInputs = {
  accessService: 'secureDataEnvironment', disseminationReason: '', novelOrContentious: 'false', evidence: 'Ethics approval,s251 support (CAG)', otherEvidence: 'Consent materials for the pilot sites\n\n',
  cohortSubmissionNeeded: 'true', agreements: 'Data Sharing Agreement: NHS England and the data controller\nSDE service agreement: the data controller',
  signatoryEmail: ' carl.controller@leeds.example.ac.uk ', signatoryOrganisation: 'University of Leeds',
  cloudUsed: 'true', cloudProvider: 'Microsoft Azure', cloudRegion: 'UK South', cloudOutsideUk: 'false',
  dsptCode: 'EE133863', dsptStatus: 'Standards Met', dsptPublishedOn: '2025-09-01', certificationKind: 'none', planReference: '',
  workingDays: '60', timeNote: '', chargeType: 'newApplication', agreementYears: '3',
};

function built(verb: string, data: Record<string, unknown>, context: CardActionContext = {}): CaseCommand {
  const parsed = commandFromCardAction(verb, { ...base(), ...data }, context);
  assert.ok(parsed.ok, `${verb}: ${parsed.ok ? '' : parsed.problem}`);
  return parsed.command;
}

function refused(verb: string, data: Record<string, unknown>, context: CardActionContext = {}): string {
  const parsed: ParsedCommand = commandFromCardAction(verb, { ...base(), ...data }, context);
  assert.ok(!parsed.ok, `${verb} should be refused`);
  return parsed.problem;
}

describe('card verbs become workflow commands', () => {
  it('each verb builds the command it names, from the inputs the card sent', () => {
    assert.deepEqual(built('enquiry.requestInformation', { question: 'Which years?' }), { type: 'requestInformation', question: 'Which years?' });
    assert.deepEqual(built('enquiry.decline', { reason: 'Published openly.', alternatives: 'NHS England open data\n\nONS' }), { type: 'declineEnquiry', reason: 'Published openly.', alternatives: ['NHS England open data', 'ONS'] });
    assert.deepEqual(built('enquiry.accept', {}), { type: 'acceptEnquiry' });
    assert.deepEqual(built('assessment.requestEarlyAdvice', { question: 'Contentious?' }), { type: 'requestEarlyAdvice', question: 'Contentious?' });
    assert.deepEqual(built('assessment.readyToApply', {}), { type: 'markReadyToApply' });
    assert.deepEqual(built('assessment.notSupported', { reason: 'Not health or care.' }), { type: 'markNotSupported', reason: 'Not health or care.' });
    assert.deepEqual(built('earlyAdvice.give', { advice: 'Fine.', likelyToBeSupported: 'false', actionsBeforeApplying: '' }), { type: 'giveEarlyAdvice', advice: 'Fine.', likelyToBeSupported: false, actionsBeforeApplying: [], shareWithApplicant: false });
    assert.deepEqual(built('earlyAdvice.give', { advice: 'Fine.', likelyToBeSupported: 'true', actionsBeforeApplying: '', shareWithApplicant: 'true' }), { type: 'giveEarlyAdvice', advice: 'Fine.', likelyToBeSupported: true, actionsBeforeApplying: [], shareWithApplicant: true });
    assert.deepEqual(built('funding.confirm', { fundingSource: 'NIHR grant', purchaseOrderNumber: '', invoiceName: 'Finance', invoiceEmail: 'finance@leeds.example.ac.uk', billingAddress: 'Leeds' }), {
      type: 'confirmFunding', fundingSource: 'NIHR grant', paymentDetails: { invoiceContact: { name: 'Finance', email: 'finance@leeds.example.ac.uk' }, billingAddress: 'Leeds' },
    });
    assert.deepEqual(built('case.take', {}), { type: 'allocateDarsContact' });
    assert.deepEqual(built('case.takeOver', {}), { type: 'allocateDarsContact', replace: true });
    assert.deepEqual(built('application.requestAmendments', { 'comment.objective': 'Name the control group.', 'comment.legalBasis': '', 'comment.dsaTerm': 'Shorter.' }), {
      type: 'requestAmendments', comments: [{ section: 'objective', comment: 'Name the control group.' }, { section: 'dsaTerm', comment: 'Shorter.' }],
    });
    assert.deepEqual(built('application.accept', { nicNumber: ' nic-123456-ab1c2 ' }), { type: 'acceptApplication', nicNumber: NIC });
    assert.deepEqual(built('application.accept', { nicNumber: '' }, { nicNumber: NIC }), { type: 'acceptApplication', nicNumber: NIC });
    assert.deepEqual(built('assurance.confirmLevel', { level: 'complex', reason: ' ' }), { type: 'confirmAssuranceLevel', level: 'complex' });
    assert.deepEqual(built('review.record', { review: 'pag', decision: 'supportedWithConditions', conditions: 'No practice identifiable.\nPublish openly.', actions: 'ignored', reason: '' }), {
      type: 'recordReview', review: 'pag', outcome: { decision: 'supportedWithConditions', conditions: ['No practice identifiable.', 'Publish openly.'] },
    });
    assert.deepEqual(built('review.record', { review: 'agd', decision: 'notSupported', reason: 'Too broad.' }), { type: 'recordReview', review: 'agd', outcome: { decision: 'notSupported', reason: 'Too broad.' } });
    assert.deepEqual(built('approval.approve', {}), { type: 'approve' });
    assert.deepEqual(built('dsa.generate', { start: '2026-09-01', end: '2029-08-31', use: 'other', cohortFileWithinWorkingDays: '20', cohortFileItems: 'GP PRACTICE CODE', datesMinimised: 'true' }, { dsaDocument: { documentName: 'DSA v2.docx', contentHash: HASH_B } }), {
      type: 'generateDsa', contentHash: HASH_B, documentName: 'DSA v2.docx',
      terms: { start: '2026-09-01', end: '2029-08-31', use: 'other', cohortFileWithinWorkingDays: 20, cohortFileItems: ['GP PRACTICE CODE'], datesMinimised: true },
    });
    assert.deepEqual(built('dsa.send', {}), { type: 'sendDsa' });
    assert.deepEqual(built('dsa.sign', { party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: 'true' }, { state: signing }), {
      type: 'signDsa', party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: HASH_B,
    });
    assert.deepEqual(built('dsa.decline', { party: 'nhse', reason: 'Clause 4 is wrong.' }), { type: 'declineDsa', party: 'nhse', reason: 'Clause 4 is wrong.' });
    assert.deepEqual(built('serviceAgreement.sign', { typedName: 'Carl Controller', authorityConfirmed: true }, { serviceAgreementDocument: { documentName: 'SDE.pdf', contentHash: 'e'.repeat(64) } }), {
      type: 'signServiceAgreement', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: 'e'.repeat(64),
    });
    assert.deepEqual(built('cohortFile.setDue', { dueDate: '2026-06-20' }), { type: 'cohortFileDue', dueDate: '2026-06-20' });
    assert.deepEqual(built('access.arrange', {}), { type: 'arrangeAccess' });
    assert.deepEqual(built('case.withdraw', { reason: 'No funding.' }), { type: 'withdraw', reason: 'No funding.' });
    assert.deepEqual(built('case.close', { reason: 'No reply.' }), { type: 'close', reason: 'No reply.' });
  });

  it('the preliminary assessment form becomes the whole recordPreliminaryAssessment command', () => {
    const command = built('assessment.record', assessmentInputs, foundCarl);
    assert.equal(command.type, 'recordPreliminaryAssessment');
    assert.deepEqual(command.type === 'recordPreliminaryAssessment' && command.assessment, {
      accessService: { service: 'secureDataEnvironment' },
      novelOrContentious: false,
      legalAndEthicalEvidence: ['Ethics approval', 's251 support (CAG)', 'Consent materials for the pilot sites'],
      cohortSubmissionNeeded: true,
      agreements: [{ agreement: 'Data Sharing Agreement', signatory: 'NHS England and the data controller' }, { agreement: 'SDE service agreement', signatory: 'the data controller' }],
      dataControllerSignatory: { id: carl.id, name: 'Carl Controller', email: 'carl.controller@leeds.example.ac.uk', organisation: 'University of Leeds' },
      security: {
        cloudStorage: { used: true, provider: 'Microsoft Azure', region: 'UK South', outsideUk: false },
        evidence: { dspt: { organisationCode: 'EE133863', status: 'Standards Met', publishedOn: '2025-09-01' } },
      },
      timeEstimate: { workingDays: 60 },
      charging: { chargeType: 'newApplication', agreementYears: 3 },
    });
    const dissemination = built('assessment.record', { ...assessmentInputs, accessService: 'dissemination', disseminationReason: 'The registry must link locally.' }, foundCarl);
    assert.deepEqual(dissemination.type === 'recordPreliminaryAssessment' && dissemination.assessment.accessService, { service: 'dissemination', reason: 'The registry must link locally.' });
  });

  it('bad input is refused with a message naming the field as the card shows it', () => {
    assert.match(refused('enquiry.decline', { reason: '   ', alternatives: 'ONS' }), /“Why DARS cannot help”: give the reason for declining/);
    assert.match(refused('enquiry.decline', { reason: 'Published.', alternatives: '\n \n' }), /“Where else they could go”: say where else the applicant could go/);
    assert.match(refused('funding.confirm', { fundingSource: 'Grant', invoiceName: 'Finance', invoiceEmail: 'finance-at-leeds', billingAddress: 'Leeds' }), /“Their email”: an email address/);
    // An address the bot could not look up is one problem, with the email, not three (id, name, email).
    const unknownSignatory = refused('assessment.record', { ...assessmentInputs, signatoryEmail: 'carl@' });
    assert.match(unknownSignatory, /“Data controller signatory: email”: give the email address of the person who signs for the data controller/);
    assert.equal(unknownSignatory.match(/Data controller signatory/g)?.length, 1, unknownSignatory);
    assert.match(refused('assessment.record', { ...assessmentInputs, accessService: 'dissemination' }), /“Why dissemination rather than the Secure Data Environment”: give why data must be disseminated/);
    assert.match(refused('assessment.record', { ...assessmentInputs, agreements: 'Data Sharing Agreement' }), /“Agreements needed”, line 1: write it as “agreement: who signs it”/);
    assert.match(refused('assessment.record', { ...assessmentInputs, dsptPublishedOn: '' }), /“DSPT”: give the organisation code, the status and the date/);
    assert.match(refused('assessment.record', { ...assessmentInputs, workingDays: 'sixty' }), /“Estimated time to access, in working days”: a whole number, not “sixty”/);
    assert.match(refused('assessment.record', { ...assessmentInputs, agreementYears: '' }), /“Years of the agreement”: give a number of years/);
    assert.match(refused('assessment.record', { ...assessmentInputs, certificationKind: 'ISO 27001' }), /“Certificate reference”: give the ISO 27001 certificate reference/);
    assert.match(refused('dsa.sign', { party: 'dataController', typedName: '  ', authorityConfirmed: 'true' }, { state: signing }), /“Type your full name as your signature”: give your full name, typed as your signature/);
    assert.match(refused('dsa.sign', { party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: 'false' }, { state: signing }), /“I am authorised to sign”: confirm that you are authorised to sign/);
    assert.match(refused('dsa.decline', { party: 'nhse', reason: '' }), /“Why you cannot sign”: give the reason for declining/);
    assert.match(refused('application.accept', { nicNumber: 'NIC-12-AB' }), /“Existing NIC number \(leave empty for a new one\)”: a NIC number like NIC-123456-AB1C2/);
    assert.match(refused('application.requestAmendments', { 'comment.objective': ' ' }), /“Request changes”: comment on at least one section/);
    assert.match(refused('review.record', { review: 'pag' }), /“Outcome”: choose supported/);
    assert.match(refused('review.record', { review: 'pag', decision: 'supportedWithConditions', conditions: '' }), /“Conditions”: give at least one condition/);
    assert.match(refused('review.record', { review: 'pag', decision: 'additionalAssuranceNeeded', actions: '' }), /“Actions for the applicant”: give at least one action/);
    assert.match(refused('review.record', { review: 'pag', decision: 'notSupported', reason: '' }), /“Reason”: give the reason the application is not supported/);
    assert.match(refused('earlyAdvice.give', { advice: 'Fine.' }), /“Is the use likely to be supported\?”: choose one of the options/);
    assert.match(refused('cohortFile.setDue', { dueDate: '20/06/2026' }), /“Cohort file due by”: a date written YYYY-MM-DD/);
    assert.match(refused('case.withdraw', { reason: '' }), /“Why you are withdrawing”: give the reason for withdrawing/);
    assert.match(refused('dsa.generate', { start: '2026-09-01', end: '2029-08-31', use: 'other' }), /“DSA document”/);
    assert.match(refused('serviceAgreement.sign', { typedName: 'Carl', authorityConfirmed: 'true' }), /“Service agreement”: the agreement document is not available/);
    assert.match(refused('enquiry.teleport', {}), /does not know the card action “enquiry.teleport”/);
  });

  it('the DSA terms are read before the document is generated, with the same messages', () => {
    const terms = dsaTermsFromCard({ start: '2026-09-01', end: '2029-08-31', use: 'academicArchiving', datesMinimised: 'false' });
    assert.deepEqual(terms, { ok: true, terms: { start: '2026-09-01', end: '2029-08-31', use: 'academicArchiving', datesMinimised: false } });
    const bad = dsaTermsFromCard({ start: '1 Sept', end: '2029-08-31', use: 'other', cohortFileWithinWorkingDays: 'twenty' });
    assert.ok(!bad.ok);
    assert.match(bad.problem, /“Cohort file due within \(working days of signature\)”: a whole number/);
    assert.match(bad.problem, /“Start date”: a date written YYYY-MM-DD/);
  });

  it('the verbs table is one verb per button, each naming a command', () => {
    assert.equal(Object.keys(cardVerbs).length, 25);
    for (const [verb, spec] of Object.entries(cardVerbs)) assert.match(verb, /^[a-z]+[A-Za-z]*\.[a-z][A-Za-z]*$/, `${verb} → ${spec.command}`);
  });
});
