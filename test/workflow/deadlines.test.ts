import assert from 'node:assert/strict';
import { deadlineNotice, evolve, movedOnSince, type CaseEvent } from '../../services/domain/workflow';
import { caseStatusWithHistory as caseStatus } from '../../cards/events/history';
import { enquiry, REFERENCE } from './support/data';
import { caseAt, CaseDriver } from './support/driver';
import { ada, dana, sam } from './support/people';

const clockEvents = (events: readonly CaseEvent[]) => events.filter((event) => event.type.startsWith('clock'));

describe('deadlines in working days', () => {
  it('an enquiry over Christmas 2026: paused while the applicant answers, due date moved by the paused working days', () => {
    const d = new CaseDriver(undefined, new Date('2026-12-21T10:00:00Z')); // Monday
    const submitted = d.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry() });
    assert.deepEqual(clockEvents(submitted.events).map((event) => event.type === 'clockStarted' && [event.clock, event.startedOn, event.due]), [
      ['enquiry', '2026-12-21', '2026-12-30'], // 22, 23, 24, 29, 30 December
    ]);

    d.advanceDays(1); // Tuesday 22 December
    const asked = d.do(sam, { type: 'requestInformation', question: 'Which hospitals?' });
    const paused = clockEvents(asked.events)[0];
    assert.equal(paused?.type, 'clockPaused');
    assert.deepEqual(paused?.type === 'clockPaused' && [paused.pausedOn, paused.respondBy], ['2026-12-22', '2027-01-22']);
    assert.deepEqual([d.case.nextAction?.due, d.case.nextAction?.dueFor], ['2027-01-22', 'applicantReply']);

    d.advanceDays(13); // Monday 4 January 2027
    const answered = d.do(ada, { type: 'answerInformationRequest', answer: 'All of them.' });
    const resumed = clockEvents(answered.events)[0];
    // Paused (22 Dec, 4 Jan]: 23, 24, 29, 30, 31 December and 4 January.
    assert.deepEqual(resumed?.type === 'clockResumed' && [resumed.pausedWorkingDays, resumed.due], [6, '2027-01-08']);
    assert.deepEqual([d.case.nextAction?.due, d.case.nextAction?.dueFor], ['2027-01-08', 'stage']);

    const onTime = caseStatus(d.case, new Date('2027-01-08T17:00:00Z'));
    assert.deepEqual([onTime.overdue, onTime.remindOn], [false, '2027-01-06']);
    const late = caseStatus(d.case, new Date('2027-01-11T09:00:00Z'));
    assert.deepEqual([late.overdue, late.workingDaysOverdue], [true, 1]);

    d.advanceDays(8); // Tuesday 12 January
    const accepted = d.do(sam, { type: 'acceptEnquiry' });
    assert.deepEqual(clockEvents(accepted.events).map((event) => event.type), ['clockStopped', 'clockStarted']);
    const stopped = clockEvents(accepted.events)[0];
    assert.equal(stopped?.type === 'clockStopped' && stopped.late, true);
    assert.equal(d.case.clock?.name, 'preliminaryAssessment');
    assert.match(caseStatus(d.case, d.now).history.find((entry) => /enquiry stage finished/.test(entry.what))?.what ?? '', /finished late \(it was due by 8 January 2027\)/);
  });

  it('the application clock waits while the applicant writes, and runs during acceptance review', () => {
    const d = caseAt('drafting');
    assert.equal(d.case.clock?.name, 'application');
    assert.equal(d.case.clock?.state, 'paused');
    d.advanceDays(3); // Thursday 4 June
    d.do(ada, { type: 'submitApplication' });
    assert.equal(d.case.clock?.state, 'running');
    assert.equal(d.case.clock?.pausedWorkingDays, 3);
    assert.equal(d.case.clock?.due, '2026-06-18', 'started 1 June + 10 working days + 3 paused');
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'person', id: dana.id, name: dana.name }]);
  });

  it('reminds 5 working days before the cohort file is due, while the access clock waits on the applicant', () => {
    const d = caseAt('arrangingAccess');
    assert.equal(d.case.clock?.state, 'running', 'DARS must first set the cohort file due date');
    d.do(dana, { type: 'cohortFileDue', dueDate: '2026-06-29' });
    // What remains (service agreement, cohort file) is all on the applicant's side.
    assert.equal(d.case.clock?.state, 'paused');
    const waiting = caseStatus(d.case, d.now);
    assert.deepEqual([waiting.nextAction?.due, waiting.nextAction?.dueFor, waiting.remindOn], ['2026-06-29', 'cohortFile', '2026-06-22']);
    assert.equal(caseStatus(d.case, new Date('2026-06-30T08:00:00Z')).overdue, true);
  });

  it('refuses to set a deadline beyond the bank holidays it knows, rather than guess', () => {
    const d = new CaseDriver(undefined, new Date('2028-12-27T10:00:00Z'));
    const decision = d.attempt(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry() });
    assert.equal(decision.outcome === 'refused' && decision.code, 'unavailable');
    assert.match(decision.outcome === 'refused' ? decision.reason : '', /No England and Wales bank holidays are configured for 2029/);
  });

  it('records a deadline notice on the history, changing nothing else, and only for the due date the case has', () => {
    const state = caseAt('enquiryUnderReview').case;
    const due = state.nextAction!.due!;
    const context = { now: new Date('2026-06-01T09:00:00Z'), activityId: `deadline:${state.reference}#${due}#reminder` };
    const notice = deadlineNotice(state, 'reminder', due, context);
    assert.equal(notice.outcome, 'accepted');
    if (notice.outcome !== 'accepted') return;
    assert.deepEqual(notice.effects, [{ kind: 'deadlineNotice', notice: 'reminder', due }]);
    const after = notice.events.reduce(evolve, state);
    assert.deepEqual([after.status, after.nextAction, after.history.at(-1)?.type], [state.status, state.nextAction, 'deadlineNoticeSent']);
    assert.equal(deadlineNotice(state, 'reminder', '2020-01-01', context).outcome, 'refused', 'a due date the case no longer has');
    assert.equal(deadlineNotice(caseAt('accessArranged').case, 'escalation', due, context).outcome, 'refused', 'a closed case');

    // A card shown before the notice is not stale because of it; a decision after it is.
    assert.equal(movedOnSince(after.history, state.version), false);
    const decided = caseAt('enquiryUnderReview');
    decided.do(sam, { type: 'acceptEnquiry' });
    assert.equal(movedOnSince(decided.case.history, state.version), true);
    assert.equal(movedOnSince(after.history, after.version + 1), true, 'a version the case never had');
  });
});
