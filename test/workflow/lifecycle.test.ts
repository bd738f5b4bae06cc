import assert from 'node:assert/strict';
import { openStatuses } from '../../services/domain/workflow';
import { caseAt } from './support/driver';
import { ada, mo, sam } from './support/people';

describe('withdrawal, closure and the applicant’s team', () => {
  for (const status of openStatuses) {
    it(`the applicant can withdraw at ${status}`, () => {
      const d = caseAt(status);
      const withdrawn = d.do(ada, { type: 'withdraw', reason: 'Our funding ended.' });
      assert.equal(d.case.status, 'withdrawn');
      assert.equal(d.case.facts.closure?.reason, 'Our funding ended.');
      assert.equal(d.case.nextAction, undefined);
      assert.equal(d.case.clock?.state, 'stopped');
      assert.ok(withdrawn.effects.some((effect) => effect.kind === 'updateCards' && effect.cards.includes('caseStatus')));
      // A DSA out for signature (even if one party declined) has signature cards to take back.
      const signaturesOut = status === 'awaitingSignatures' || status === 'dsaDeclined';
      assert.equal(withdrawn.effects.some((effect) => effect.kind === 'withdrawSignatureRequests'), signaturesOut);
    });
  }

  it('cannot withdraw once access is arranged, nor can a team member withdraw', () => {
    const done = caseAt('accessArranged').attempt(ada, { type: 'withdraw', reason: 'Too late.' });
    assert.equal(done.outcome === 'refused' && done.code, 'wrongStage');
    assert.match(done.outcome === 'refused' ? done.reason : '', /only before access is arranged\. This case is complete: access has been arranged\./);
    const member = caseAt('drafting').attempt(mo, { type: 'withdraw', reason: 'Not mine to withdraw.' });
    assert.equal(member.outcome === 'refused' && member.code, 'forbidden');
  });

  it('keeps the history of a closed case', () => {
    const d = caseAt('drafting');
    const before = d.case.history.length;
    d.do(sam, { type: 'close', reason: 'Duplicate of DARS-2026-00041.' });
    assert.equal(d.case.status, 'closed');
    assert.equal(d.case.history.length, before + 2, 'closure and the stopped clock are added; nothing is removed');
  });

  it('members are invited once and can be removed', () => {
    const d = caseAt('drafting');
    const twice = d.attempt(ada, { type: 'inviteApplicantMember', member: { id: mo.id, name: mo.name } });
    assert.equal(twice.outcome === 'refused' && twice.code, 'conflict');
    d.do(ada, { type: 'removeApplicantMember', memberId: mo.id });
    assert.deepEqual(d.case.people.members, []);
    const gone = d.attempt(mo, { type: 'saveApplicationSection', section: 'transparency', content: { privacyNoticeUrl: 'https://example.org/privacy' } });
    // Once removed, the case is no longer theirs to see: answered as a case that does not exist.
    assert.equal(gone.outcome === 'refused' && gone.code, 'notFound');
  });

  it('“take it”: the second person to take the case is told who has it', () => {
    const d = caseAt('awaitingDarsContact');
    const first = { ...sam, id: 'b0000000-0000-4000-8000-000000000001', name: 'First Taker' };
    const second = { ...sam, id: 'b0000000-0000-4000-8000-000000000002', name: 'Second Taker' };
    d.do(first, { type: 'allocateDarsContact' });
    const late = d.attempt(second, { type: 'allocateDarsContact' });
    assert.equal(late.outcome === 'refused' && late.reason, 'First Taker has already taken DARS-2026-00042. To hand it to someone else, use "reassign".');
    d.do(second, { type: 'allocateDarsContact', replace: true });
    assert.equal(d.case.people.darsContact?.name, 'Second Taker');
    const conflicted = d.attempt(sam, { type: 'allocateDarsContact', contact: { id: mo.id, name: mo.name }, replace: true });
    assert.equal(conflicted.outcome === 'refused' && conflicted.reason, 'Mo Member is on the applicant’s side of DARS-2026-00042, so cannot be its DARS contact.');
  });
});
