import assert from 'node:assert/strict';
import { noticesOf } from '../../bot/notices/decisionNotices';
import { caseAt } from './support/driver';
import { ada, asha, dana, gus, mo, pat } from './support/people';

describe('assurance', () => {
  it('additional assurance goes to the applicant, pauses the clock, and returns to the same review', () => {
    const d = caseAt('inReview');
    const dueBefore = d.case.clock?.due;
    const asked = d.do(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'additionalAssuranceNeeded', actions: ['Explain how GP practices stay unidentifiable.'] } });
    assert.ok(asked.effects.some((effect) => effect.kind === 'sendCard' && effect.card === 'additionalAssurance' && effect.to === 'applicantTeam'));
    assert.ok(asked.events.some((event) => event.type === 'clockPaused'));
    assert.equal(d.case.status, 'awaitingAdditionalAssurance');
    assert.equal(d.case.facts.assurance?.reviews.pag?.state, 'awaitingApplicant');
    assert.deepEqual(d.case.nextAction?.holders, [{ kind: 'person', id: ada.id, name: ada.name }]);

    // The other reviews carry on meanwhile; PAG cannot decide again until the applicant answers.
    d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
    const early = d.attempt(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } });
    assert.equal(early.outcome === 'refused' && early.code, 'conflict');
    assert.match(early.outcome === 'refused' ? early.reason : '', /waiting for the applicant’s response/);

    d.advanceDays(2); // Wednesday 3 June: two working days paused
    const answered = d.do(mo, { type: 'respondToAdditionalAssurance', response: 'Counts under 10 are suppressed.' });
    const response = answered.events.find((event) => event.type === 'additionalAssuranceProvided');
    assert.ok(response && noticesOf(response, { before: undefined, after: d.case }).some((notice) => typeof notice.to === 'object' && 'channel' in notice.to && notice.to.channel === 'pag'), 'PAG\'s channel is told');
    const resumed = answered.events.find((event) => event.type === 'clockResumed');
    assert.equal(resumed?.type === 'clockResumed' && resumed.pausedWorkingDays, 2);
    assert.notEqual(d.case.clock?.due, dueBefore);
    assert.equal(d.case.status, 'inReview');
    const pag = d.case.facts.assurance?.reviews.pag;
    assert.equal(pag?.state, 'pending', 'back with PAG');
    assert.equal(pag?.rounds[0]?.response?.text, 'Counts under 10 are suppressed.');

    d.do(gus, { type: 'recordReview', review: 'agd', outcome: { decision: 'supported' } });
    d.do(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'supported' } });
    assert.equal(d.case.status, 'awaitingApproval');
    assert.equal(d.case.facts.assurance?.reviews.pag?.rounds.length, 2);
  });

  it('when two reviews wait, the response must say which one it answers', () => {
    const d = caseAt('awaitingAdditionalAssurance'); // the assurance review is waiting
    d.do(gus, { type: 'recordReview', review: 'agd', outcome: { decision: 'additionalAssuranceNeeded', actions: ['Justify the sample size.'] } });
    const vague = d.attempt(ada, { type: 'respondToAdditionalAssurance', response: 'Here it is.' });
    assert.equal(vague.outcome === 'refused' && vague.code, 'invalid');
    assert.match(vague.outcome === 'refused' ? vague.reason : '', /both asked for additional assurance: say which one/);
    d.do(ada, { type: 'respondToAdditionalAssurance', review: 'agd', response: 'The power calculation is attached.' });
    assert.equal(d.case.status, 'awaitingAdditionalAssurance', 'the assurance review still waits');
    d.do(ada, { type: 'respondToAdditionalAssurance', response: 'Re-identification is prevented by pseudonymisation at source.' });
    assert.equal(d.case.status, 'inReview');
  });

  it('a review that does not support the application closes the case', () => {
    const d = caseAt('inReview');
    d.do(gus, { type: 'recordReview', review: 'agd', outcome: { decision: 'notSupported', reason: 'The public benefit is not shown.' } });
    assert.equal(d.case.status, 'notSupported');
    assert.equal(d.case.stage, 'closed');
    assert.equal(d.case.facts.closure?.reason, 'The public benefit is not shown.');
    assert.equal(d.case.clock?.state, 'stopped');
  });

  it('a review cannot be recorded twice', () => {
    const d = caseAt('inReview');
    d.do(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
    const again = d.attempt(asha, { type: 'recordReview', review: 'assurance', outcome: { decision: 'supported' } });
    assert.equal(again.outcome === 'refused' && again.code, 'conflict');
    assert.match(again.outcome === 'refused' ? again.reason : '', /already been recorded on 1 June 2026 by Asha Assurance/);
  });

  it('changing the recommended level needs a reason; an unknown level is refused', () => {
    const d = caseAt('levelToConfirm');
    assert.equal(d.case.facts.assurance?.recommended.level, 'complex');
    const silent = d.attempt(dana, { type: 'confirmAssuranceLevel', level: 'medium' });
    assert.equal(silent.outcome === 'refused' && silent.reason, 'You chose Medium instead of the recommended Complex: give the reason for the change.');
    const unknown = d.attempt(dana, { type: 'confirmAssuranceLevel', level: 'extreme' });
    assert.match(unknown.outcome === 'refused' ? unknown.reason : '', /not an assurance level\. Choose one of: Standard, Medium, Complex/);
    d.do(dana, { type: 'confirmAssuranceLevel', level: 'medium', reason: 'Early advice found nothing novel.' });
    assert.deepEqual(d.case.facts.assurance?.requiredReviews.map((review) => review.review), ['assurance', 'pag'], 'no AGD below Complex');
    assert.equal(d.case.facts.assurance?.confirmed?.reason, 'Early advice found nothing novel.');
  });
});
