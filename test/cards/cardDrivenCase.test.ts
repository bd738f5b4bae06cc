import assert from 'node:assert/strict';
import { renderCaseCard } from '../../cards/caseCards';
import type { CaseCommand } from '../../services/domain/workflow';
import { enquiry, ethicsLetter, HASH_A, NIC, REFERENCE, saveAllSections, sections } from '../workflow/support/data';
import { CaseDriver } from '../workflow/support/driver';
import { abe, ada, asha, carl, gus, nina, pat, sam } from '../workflow/support/people';
import { textOf, verbsOn, viewerOf } from './support/cardWalk';
import { click, NOW } from './support/clicks';
import { staffDana } from './support/longCase';

/**
 * One GP-data case from enquiry to access arranged in which every staff, reviewer and signatory
 * decision is a click on a card the person was shown (the applicant's answers are chat, outside
 * the cards). It proves each card carries the inputs its command needs.
 */
const serviceAgreementDocument = { documentName: 'SDE service agreement v3.pdf', contentHash: 'e'.repeat(64) };

describe('a case decided only through card buttons', () => {
  it('goes from enquiry to access arranged, every decision a click on the card its decider was shown', () => {
    const d = new CaseDriver();
    const chat = (command: CaseCommand): void => void d.do(ada, command);
    chat({ type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry({ gpData: true }) });
    click(d, sam, { card: 'enquiryReview', verb: 'enquiry.requestInformation', inputs: { question: 'Do you need outpatient data too?' } });
    chat({ type: 'answerInformationRequest', answer: 'No: admitted patient care only.' });
    click(d, sam, { card: 'enquiryReview', verb: 'enquiry.accept' });

    click(d, sam, { card: 'preliminaryAssessment', verb: 'assessment.requestEarlyAdvice', inputs: { question: 'Is linking GP data to readmissions contentious?' } });
    click(d, asha, { card: 'earlyAdvice', verb: 'earlyAdvice.give', inputs: { advice: 'Likely to be supported with suppression.', likelyToBeSupported: 'true', actionsBeforeApplying: 'Describe small-number suppression.\nName the analysts.' } });
    assert.deepEqual(d.case.facts.earlyAdvice[0]?.advice?.actionsBeforeApplying, ['Describe small-number suppression.', 'Name the analysts.']);
    click(d, sam, {
      card: 'preliminaryAssessment', verb: 'assessment.record',
      inputs: {
        accessService: 'secureDataEnvironment', novelOrContentious: 'true', evidence: 'Ethics approval', otherEvidence: '', cohortSubmissionNeeded: 'true',
        agreements: 'Data Sharing Agreement: the NHS England signatory and the data controller signatory',
        signatoryEmail: 'carl.controller@leeds.example.ac.uk', signatoryOrganisation: 'University of Leeds',
        cloudUsed: 'false', cloudOutsideUk: 'false', dsptCode: 'EE133863', dsptStatus: 'Standards Met', dsptPublishedOn: '2025-09-01',
        certificationKind: 'none', workingDays: '60', chargeType: 'newApplication', agreementYears: '3',
      },
      // The bot found the person by the email (bot/cardActions/identifierLookups.ts).
      context: { signatory: { id: carl.id, name: carl.name, email: 'carl.controller@leeds.example.ac.uk' } },
    });
    assert.equal(d.case.facts.assessments[0]?.costEstimate.totalPence, 143_100);
    assert.equal(d.case.people.dataControllerSignatory?.id, carl.id);
    click(d, ada, { card: 'fundingConfirmation', verb: 'funding.confirm', inputs: { fundingSource: 'NIHR grant NIHR123456', invoiceName: 'Finance Office', invoiceEmail: 'finance@leeds.example.ac.uk', billingAddress: 'Woodhouse, Leeds LS2 9JT' } });
    click(d, sam, { card: 'preliminaryAssessment', verb: 'assessment.readyToApply' });

    click(d, staffDana, { card: 'takeCase', verb: 'case.take' });
    assert.equal(d.case.people.darsContact?.id, staffDana.id);
    for (const save of saveAllSections(sections({ gpData: true }))) chat(save);
    chat(ethicsLetter);
    chat({ type: 'submitApplication' });
    click(d, staffDana, { card: 'applicationReview', verb: 'application.requestAmendments', inputs: { 'comment.expectedOutcomes': 'Say how the benefit will be measured.', 'comment.objective': '  ' } });
    assert.deepEqual(d.case.facts.application.amendmentRequests[0]?.comments, [{ section: 'expectedOutcomes', comment: 'Say how the benefit will be measured.' }]);
    chat({ type: 'saveApplicationSection', section: 'expectedOutcomes', content: { outcomes: 'A peer-reviewed paper.', measurableBenefits: 'Readmissions down 5% within two years, measured from HES.' } });
    chat({ type: 'resubmitApplication' });
    const review = renderCaseCard('applicationReview', d.case, viewerOf(staffDana, d.case), NOW);
    assert.match(textOf(review), /Changed since version 1/);
    assert.match(textOf(review), /\+ Measurable benefits: Readmissions down 5% within two years/);
    click(d, staffDana, { card: 'applicationReview', verb: 'application.accept', inputs: { nicNumber: NIC.toLowerCase() } });
    assert.equal(d.case.nicNumber, NIC);

    click(d, staffDana, { card: 'assuranceLevel', verb: 'assurance.confirmLevel', inputs: { level: 'complex', reason: '' } });
    click(d, pat, { card: 'review', verb: 'review.record', options: { review: 'pag' }, inputs: { decision: 'additionalAssuranceNeeded', actions: 'Explain how practices cannot be identified.' } });
    chat({ type: 'respondToAdditionalAssurance', response: 'Practice codes are removed before analysis.' });
    click(d, pat, { card: 'review', verb: 'review.record', options: { review: 'pag' }, inputs: { decision: 'supportedWithConditions', conditions: 'No GP practice may be identifiable in outputs.' } });
    click(d, asha, { card: 'review', verb: 'review.record', options: { review: 'assurance' }, inputs: { decision: 'supported' } });
    click(d, gus, { card: 'review', verb: 'review.record', options: { review: 'agd' }, inputs: { decision: 'supported' } });
    click(d, abe, { card: 'approval', verb: 'approval.approve' });

    const terms = { start: '2026-09-01', end: '2029-08-31', use: 'other', cohortFileWithinWorkingDays: '20', datesMinimised: 'false' };
    click(d, staffDana, { card: 'dsa', verb: 'dsa.generate', inputs: terms, context: { dsaDocument: { documentName: `${NIC} DSA.docx`, contentHash: HASH_A } } });
    assert.deepEqual(d.case.facts.dsa?.specialConditions, ['No GP practice may be identifiable in outputs.']);
    click(d, staffDana, { card: 'dsa', verb: 'dsa.send' });
    click(d, carl, { card: 'dsaSignature', verb: 'dsa.sign', inputs: { typedName: 'Carl Controller', authorityConfirmed: 'true' } });
    click(d, nina, { card: 'dsaSignature', verb: 'dsa.sign', inputs: { typedName: 'Nina Signatory', authorityConfirmed: 'true' } });
    assert.deepEqual(d.case.facts.dsa?.signatures.map((s) => [s.party, s.documentHash]), [['dataController', HASH_A], ['nhse', HASH_A]]);

    click(d, carl, { card: 'serviceAgreementSignature', verb: 'serviceAgreement.sign', options: { serviceAgreementDocument }, inputs: { typedName: 'Carl Controller', authorityConfirmed: 'true' }, context: { serviceAgreementDocument } });
    click(d, staffDana, { card: 'cohortFile', verb: 'cohortFile.setDue', inputs: { dueDate: '2026-06-20' } });
    chat({ type: 'receiveCohortFile', fileName: `${NIC}_cohort.csv`, rows: 250, contentHash: 'd'.repeat(64), failingRows: 0 });
    click(d, staffDana, { card: 'caseStatus', verb: 'access.arrange' });

    assert.equal(d.case.status, 'accessArranged');
    const status = renderCaseCard('caseStatus', d.case, viewerOf(ada, d.case), NOW);
    assert.deepEqual(verbsOn(status), []);
    assert.match(textOf(status), /Complete: access has been arranged/);
  });
});
