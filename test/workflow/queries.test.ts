import assert from 'node:assert/strict';
import {
  caseIndexFields, caseStatuses, deadlineNotice, evolve, foldCase, type CaseEvent, type CaseEventType,
} from '../../services/domain/workflow';
import { caseStatusWithHistory as caseStatus, describeEvent } from '../../cards/events/history';
import { generateDsa, HASH_B } from './support/data';
import { caseAt } from './support/driver';
import { ada, carl, dana, mo, pat } from './support/people';

/** Compile-time complete: adding an event type without listing it here fails the build. */
const everyEventType: Record<CaseEventType, true> = {
  enquirySubmitted: true, informationRequested: true, informationProvided: true, enquiryDeclined: true, enquiryAccepted: true,
  preliminaryAssessmentRecorded: true, earlyAdviceRequested: true, earlyAdviceGiven: true, fundingConfirmed: true, readyToApply: true,
  assessmentNotSupported: true, darsContactAllocated: true, applicationSectionSaved: true, applicationSubmitted: true,
  amendmentsRequested: true, applicationResubmitted: true, applicationAccepted: true, assuranceLevelRecommended: true,
  assuranceLevelConfirmed: true, reviewRecorded: true, additionalAssuranceProvided: true, assuranceCompleted: true,
  applicationApproved: true, dsaGenerated: true, dsaSignaturesLapsed: true, dsaSent: true, dsaSigned: true, dsaDeclined: true,
  dsaExecuted: true, serviceAgreementSigned: true, cohortFileDueSet: true, cohortFileReceived: true, accessArranged: true,
  evidenceAttached: true, applicantMemberInvited: true, applicantMemberRemoved: true, caseWithdrawn: true, caseClosed: true, clockStarted: true,
  clockPaused: true, clockResumed: true, clockStopped: true, deadlineNoticeSent: true,
};

function eventsOfEveryKind(): CaseEvent[] {
  const events = caseStatuses.flatMap((status) => caseAt(status).state?.history ?? []);
  const more = caseAt('awaitingEnquiryInformation');
  more.do(ada, { type: 'answerInformationRequest', answer: 'Ten years.' });
  const early = caseAt('awaitingEarlyAdvice');
  early.do({ id: 'a0000000-0000-4000-8000-000000000005', name: 'Asha Assurance', roles: ['assurance'] }, { type: 'giveEarlyAdvice', advice: 'Fine.', likelyToBeSupported: true, actionsBeforeApplying: [] });
  const amended = caseAt('amendmentsRequested');
  amended.do(ada, { type: 'saveApplicationSection', section: 'processingActivities', content: { description: 'Changed.' } });
  amended.do(ada, { type: 'resubmitApplication' });
  const additional = caseAt('awaitingAdditionalAssurance');
  additional.do(ada, { type: 'respondToAdditionalAssurance', response: 'Done.' });
  const lapsed = caseAt('awaitingSignatures');
  lapsed.do(carl, { type: 'signDsa', party: 'dataController', typedName: 'Carl', authorityConfirmed: true, documentHash: lapsed.case.facts.dsa?.contentHash ?? '' });
  lapsed.do(dana, generateDsa(HASH_B));
  const removed = caseAt('drafting');
  removed.do(ada, { type: 'removeApplicantMember', memberId: mo.id });
  const reminded = caseAt('enquiryUnderReview').case;
  const notice = deadlineNotice(reminded, 'reminder', reminded.nextAction!.due!, { now: new Date('2026-06-01T09:00:00Z'), activityId: 'deadline:test' });
  const noticeEvents = notice.outcome === 'accepted' ? notice.events : [];
  return [...events, ...[more, early, amended, additional, lapsed, removed].flatMap((driver) => driver.case.history), ...noticeEvents];
}

describe('queries and the history people read', () => {
  it('describes every kind of event in a plain-English sentence', () => {
    const events = eventsOfEveryKind();
    const seen = new Set(events.map((event) => event.type));
    assert.deepEqual([...seen].sort(), Object.keys(everyEventType).sort(), 'the fixtures produce every event type');
    for (const event of events) {
      const text = describeEvent(event);
      assert.match(text, /^[A-Z].{10,}[.)]$/s, `${event.type}: ${text}`);
      assert.doesNotMatch(text, /undefined|\[object/, event.type);
    }
    // Evidence reads as a sentence, its kind's acronyms kept: "… attached x.pdf as the ethics approval letter (82 KB)."
    const attached = events.find((event) => event.type === 'evidenceAttached');
    assert.ok(attached, 'an evidence file among the fixtures');
    assert.match(describeEvent(attached), / as the (ethics approval letter|CAG \(s251\) support letter|DSPT or ISO 27001 evidence|consent materials|data-flow diagram) \(/);
  });

  it('shows a case’s status: where it is, who holds the next action, when it is due, and the history', () => {
    const state = caseAt('awaitingAdditionalAssurance').case;
    const view = caseStatus(state, new Date('2026-06-02T09:00:00Z'));
    assert.equal(view.stageName, 'assurance');
    assert.equal(view.where, 'at assurance, waiting for additional assurance from the applicant');
    assert.equal(view.nextAction?.description, 'Respond to the additional assurance asked for by the assurance review');
    assert.deepEqual(view.nextAction?.holders, [{ kind: 'person', id: ada.id, name: ada.name }]);
    assert.equal(view.nextAction?.dueFor, 'applicantReply');
    assert.equal(view.overdue, false);
    assert.equal(view.history.length, state.version);
    assert.equal(view.history[0]?.what, 'Ada Applicant submitted the enquiry DARS-2026-00042.');
    assert.ok(view.history.some((entry) => entry.what === 'Dana Contact confirmed Complex assurance; reviews: the assurance review, the Advisory Group for Data (AGD) and the Profession Advisory Group (PAG).'));
  });

  it('gives the store the fields its queues index', () => {
    const fields = caseIndexFields(caseAt('inReview').case);
    assert.deepEqual(fields, {
      reference: 'DARS-2026-00042', stage: 'assurance', status: 'inReview', open: true,
      applicantId: ada.id, memberIds: [mo.id], darsContactId: dana.id, nextDue: '2026-07-13',
      remindOn: '2026-07-09', // two working days (the reminder lead) before Monday 13th
      holderRoles: ['assurance', 'agd', 'pag'], holderIds: [],
    });
    assert.equal(caseIndexFields(caseAt('withdrawn').case).open, false);
    assert.equal(caseIndexFields(caseAt('withdrawn').case).nextDue, undefined);
    assert.equal(caseIndexFields(caseAt('withdrawn').case).remindOn, undefined);
  });

  it('the state is the fold of its events, and history must start with an enquiry', () => {
    const state = caseAt('arrangingAccess').case;
    assert.deepEqual(foldCase(state.history), state);
    assert.equal(foldCase([]), undefined);
    const second = state.history[1];
    assert.ok(second);
    assert.throws(() => evolve(undefined, second), /must start with enquirySubmitted/);
    const first = state.history[0];
    assert.ok(first);
    assert.throws(() => evolve(state, first), /already has an enquiry/);
  });

  it('PAG, not the applicant, is named as holder while PAG reviews', () => {
    const d = caseAt('inReview');
    d.do({ id: 'a0000000-0000-4000-8000-000000000005', name: 'Asha Assurance', roles: ['assurance'] }, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
    d.do({ id: 'a0000000-0000-4000-8000-000000000006', name: 'Gus AGD', roles: ['agd'] }, { type: 'recordReview', review: 'agd', outcome: { decision: 'supported' } });
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'role', role: 'pag' }]);
    d.do(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } });
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'role', role: 'approver' }]);
  });
});
