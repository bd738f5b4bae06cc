import assert from 'node:assert/strict';
import { foldCase, noSuchCase } from '../../services/domain/workflow';
import type { CaseEffect as OutboxEffect } from '../../cards/cardsShowing';
import { assessment, enquiry, ethicsLetter, generateDsa, HASH_A, NIC, REFERENCE, saveAllSections, sections } from './support/data';
import { CaseDriver } from './support/driver';
import { abe, ada, asha, carl, dana, nina, pat, sam } from './support/people';

const staffDana = { ...dana, roles: ['staff' as const] };
const kinds = (effects: readonly OutboxEffect[]): string[] => effects.map((effect) => effect.kind);

describe('a full case, from enquiry to access arranged', () => {
  it('goes through every stage, with the right people holding each next action', () => {
    const d = new CaseDriver();
    const submitted = d.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry() });
    assert.deepEqual(submitted.effects[0], { kind: 'postCard', channel: 'triage', card: 'enquiryReview' });
    assert.equal(d.case.status, 'enquiryUnderReview');
    assert.deepEqual(d.case.people.applicant, { id: ada.id, name: ada.name });
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'role', role: 'staff' }]);

    d.do(sam, { type: 'requestInformation', question: 'Do you need outpatient data too?' });
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'person', id: ada.id, name: ada.name }]);
    d.do(ada, { type: 'answerInformationRequest', answer: 'No, admitted patient care only.' });
    assert.equal(d.case.facts.informationRequests[0]?.answer, 'No, admitted patient care only.');
    d.do(sam, { type: 'acceptEnquiry' });
    assert.equal(d.case.stage, 'preliminaryAssessment');

    d.do(sam, { type: 'recordPreliminaryAssessment', assessment: assessment({ cohort: true }) });
    const recorded = d.case.facts.assessments[0];
    assert.equal(recorded?.costEstimate.totalPence, 143_100, 'new application fee, from the rules');
    assert.equal(recorded?.securityCheck.met, true);
    assert.equal(d.case.status, 'awaitingFundingConfirmation');
    d.do(ada, { type: 'confirmFunding', fundingSource: 'NIHR grant', paymentDetails: { invoiceContact: { name: 'Finance', email: 'finance@leeds.example.ac.uk' }, billingAddress: 'Leeds' } });
    d.do(sam, { type: 'markReadyToApply' });
    assert.equal(d.case.status, 'awaitingDarsContact');

    const taken = d.do(staffDana, { type: 'allocateDarsContact' });
    assert.ok(taken.effects.some((effect) => effect.kind === 'sendCard' && effect.card === 'applicationInvitation'));
    assert.deepEqual(d.case.people.darsContact, { id: dana.id, name: dana.name });
    assert.equal(d.case.status, 'drafting');
    for (const save of saveAllSections(sections())) d.do(ada, save);
    d.do(ada, ethicsLetter);
    d.do(ada, { type: 'submitApplication' });
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'person', id: dana.id, name: dana.name }]);

    d.do(staffDana, { type: 'acceptApplication', nicNumber: NIC });
    assert.equal(d.case.nicNumber, NIC);
    assert.equal(d.case.stage, 'assurance');
    assert.equal(d.case.facts.assurance?.recommended.level, 'medium');
    assert.deepEqual(d.case.facts.assurance?.recommended.reasons, ['Record-level data is requested (Medium).']);

    const confirmed = d.do(staffDana, { type: 'confirmAssuranceLevel', level: 'medium' });
    assert.deepEqual(confirmed.effects.filter((effect) => effect.kind === 'postCard'), [{ kind: 'postCard', channel: 'assurance', card: 'review', review: 'assurance' }]);
    const reviewed = d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
    assert.deepEqual(reviewed.events.map((event) => event.type).slice(0, 2), ['reviewRecorded', 'assuranceCompleted']);
    assert.equal(d.case.status, 'awaitingApproval');
    d.do(abe, { type: 'approve' });
    assert.equal(d.case.status, 'dsaToGenerate');

    d.do(staffDana, generateDsa(HASH_A));
    const sent = d.do(staffDana, { type: 'sendDsa' });
    assert.deepEqual(sent.effects.filter((effect) => effect.kind === 'requestSignature'), [
      { kind: 'requestSignature', party: 'nhse', to: { role: 'nhseSignatory' }, dsaVersion: 1, documentHash: HASH_A },
      { kind: 'requestSignature', party: 'dataController', to: 'dataControllerSignatory', dsaVersion: 1, documentHash: HASH_A },
    ]);
    d.do(carl, { type: 'signDsa', party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: HASH_A });
    assert.equal(d.case.status, 'awaitingSignatures', 'one signature is not enough');
    const signed = d.do(nina, { type: 'signDsa', party: 'nhse', typedName: 'Nina Signatory', authorityConfirmed: true, documentHash: HASH_A });
    assert.ok(signed.events.some((event) => event.type === 'dsaExecuted'));
    assert.equal(d.case.stage, 'access');
    assert.deepEqual(d.case.facts.access?.serviceAgreement, { required: true });
    assert.match(d.case.nextAction?.description ?? '', /sign the service agreement; set the date the cohort file is due/);

    d.do(carl, { type: 'signServiceAgreement', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: 'e'.repeat(64) });
    d.do(staffDana, { type: 'cohortFileDue', dueDate: '2026-06-22' });
    assert.deepEqual([d.case.nextAction?.due, d.case.nextAction?.dueFor], ['2026-06-22', 'cohortFile']);
    d.do(ada, { type: 'receiveCohortFile', fileName: `${NIC}_first.csv`, rows: 1200, contentHash: 'f'.repeat(64), failingRows: 0 });
    const arranged = d.do(staffDana, { type: 'arrangeAccess' });
    assert.deepEqual(kinds(arranged.effects), ['updateCards', 'eventNotices']);

    assert.equal(d.case.status, 'accessArranged');
    assert.equal(d.case.stage, 'closed');
    assert.equal(d.case.nextAction, undefined);
    assert.equal(d.case.clock?.state, 'stopped');
    assert.equal(d.case.version, d.case.history.length);
    assert.deepEqual(foldCase(d.case.history), d.case, 'the state is the fold of its events');
    assert.ok(d.case.history.every((event) => /^activity-\d+$/.test(event.activityId) && event.actor.id.length === 36), 'every event names its activity and actor');
  });

  it('a GP-data case goes through PAG, and PAG’s conditions reach the DSA', () => {
    const d = new CaseDriver();
    d.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry({ gpData: true }) });
    d.do(sam, { type: 'acceptEnquiry' });
    d.do(sam, { type: 'recordPreliminaryAssessment', assessment: assessment() });
    d.do(ada, { type: 'confirmFunding', fundingSource: 'Grant', paymentDetails: { invoiceContact: { name: 'Finance', email: 'f@example.ac.uk' }, billingAddress: 'Leeds' } });
    d.do(sam, { type: 'markReadyToApply' });
    d.do(sam, { type: 'allocateDarsContact', contact: { id: dana.id, name: dana.name } });
    for (const save of saveAllSections(sections({ gpData: true }))) d.do(ada, save);
    d.do(ada, ethicsLetter);
    d.do(ada, { type: 'submitApplication' });
    d.do(dana, { type: 'acceptApplication', nicNumber: NIC });
    assert.equal(d.case.facts.assurance?.recommended.facts.gpData, true);
    const confirmed = d.do(dana, { type: 'confirmAssuranceLevel', level: 'medium' });
    assert.deepEqual(d.case.facts.assurance?.requiredReviews.map((review) => review.review), ['assurance', 'pag']);
    assert.ok(confirmed.effects.some((effect) => effect.kind === 'postCard' && effect.channel === 'pag' && effect.review === 'pag'));

    const first = d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
    assert.ok(!first.events.some((event) => event.type === 'assuranceCompleted'), 'PAG has not reviewed yet');
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'role', role: 'pag' }]);
    d.do(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'supportedWithConditions', conditions: ['No GP practice may be identifiable in outputs.'] } });
    assert.equal(d.case.status, 'awaitingApproval');
    assert.deepEqual(d.case.facts.specialConditions, [{ text: 'No GP practice may be identifiable in outputs.', source: 'pag' }]);
    d.do(abe, { type: 'approve' });
    d.do(dana, generateDsa(HASH_A));
    assert.deepEqual(d.case.facts.dsa?.specialConditions, ['No GP practice may be identifiable in outputs.']);
  });

  it('a case without GP data never asks PAG', () => {
    const d = new CaseDriver();
    d.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry() });
    d.do(sam, { type: 'acceptEnquiry' });
    d.do(sam, { type: 'recordPreliminaryAssessment', assessment: assessment() });
    d.do(ada, { type: 'confirmFunding', fundingSource: 'Grant', paymentDetails: { invoiceContact: { name: 'Finance', email: 'f@example.ac.uk' }, billingAddress: 'Leeds' } });
    d.do(sam, { type: 'markReadyToApply' });
    d.do(sam, { type: 'allocateDarsContact', contact: { id: dana.id, name: dana.name } });
    for (const save of saveAllSections(sections())) d.do(ada, save);
    d.do(ada, ethicsLetter);
    d.do(ada, { type: 'submitApplication' });
    d.do(dana, { type: 'acceptApplication', nicNumber: NIC });
    d.do(dana, { type: 'confirmAssuranceLevel', level: 'medium' });
    // PAG does not see a case its review is not required for: to PAG it is a case that does not exist.
    const unseen = d.attempt(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } });
    assert.deepEqual(unseen, { outcome: 'refused', code: 'notFound', reason: noSuchCase });
    // Someone who sees it (DARS staff who also sit on PAG) is told why.
    const pag = d.attempt({ ...pat, roles: ['pag', 'staff'] }, { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } });
    assert.equal(pag.outcome === 'refused' && pag.code, 'conflict');
    assert.match(pag.outcome === 'refused' ? pag.reason : '', /Profession Advisory Group \(PAG\) is not required/);
  });
});
