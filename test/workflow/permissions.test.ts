import assert from 'node:assert/strict';
import {
  canRead, caseCommandSchema, caseRoles, caseStatuses, decide, noSuchCase, permissionKeys, permissions, rolesOnCase,
} from '../../services/domain/workflow';
import { START } from './support/data';
import { caseAt } from './support/driver';
import { allowedTransitions, forbiddenCombinations } from './support/permissionCases';
import { ada, asha, carl, dana, oscar, sam } from './support/people';

/**
 * Generated from the permission table: adding a command (or a status, or a role) adds its tests.
 * Every allowed (command, status, role) must be accepted; every other combination refused with
 * the right code and a sentence that says who may do it and when.
 */
describe('permission table', () => {
  it('has a row for every command and only real statuses and roles', () => {
    const commandTypes = new Set(caseCommandSchema.options.map((option) => ('shape' in option ? option.shape.type.value : 'saveApplicationSection')));
    const keyed = new Set(permissionKeys.map((key) => key.split(':')[0]));
    assert.deepEqual([...keyed].sort(), [...commandTypes].sort());
    for (const key of permissionKeys) {
      for (const status of permissions[key].statuses) assert.ok(caseStatuses.includes(status), `${key}: ${status}`);
      for (const role of permissions[key].roles) assert.ok(caseRoles.includes(role), `${key}: ${role}`);
    }
  });

  describe('every allowed transition is accepted', () => {
    for (const transition of allowedTransitions()) {
      const { key, status, role, actor } = transition;
      it(`${key} at ${status} by ${role}`, () => {
        const driver = caseAt(status);
        const sample = transition.sample;
        for (const [setupActor, command] of sample.setup ?? []) driver.do(setupActor, command);
        assert.equal(driver.state?.status ?? 'new', status, 'the setup leaves the case at the same status');
        const decision = driver.attempt(actor, sample.command);
        assert.equal(decision.outcome, 'accepted', decision.outcome === 'refused' ? decision.reason : '');
        if (decision.outcome === 'accepted') assert.ok(decision.events.length > 0, 'an accepted decision records something');
      });
    }
  });

  describe('every forbidden combination is refused, per role and status', () => {
    for (const key of permissionKeys) {
      it(`${key}`, () => {
        let refusals = 0;
        for (const { status, role, actor, roles, state, command } of forbiddenCombinations(key)) {
          const decision = decide(state, command, { actor, activityId: 'refusal-test', now: START });
          const label = `${key} at ${status} by ${role}`;
          assert.equal(decision.outcome, 'refused', label);
          if (decision.outcome !== 'refused') continue;
          refusals += 1;
          if (!state || !canRead(state, roles)) {
            // Someone who may not see the case is told what anyone is told of a missing case.
            assert.deepEqual([decision.code, decision.reason], ['notFound', noSuchCase], label);
          } else if (!permissions[key].roles.some((r) => roles.includes(r))) {
            assert.equal(decision.code, 'forbidden', label);
            assert.match(decision.reason, /^Only .+ can .+, and only .+\. This case is .+\.$/, label);
          } else {
            assert.equal(decision.code, 'wrongStage', label);
            assert.match(decision.reason, /^You can .+ only .+\. This case is .+\./, label);
          }
        }
        assert.ok(refusals > 0);
      });
    }
  });

  it('explains a refusal the way a person needs it', () => {
    const state = caseAt('inReview').state;
    const decision = decide(state, { type: 'requestAmendments', comments: [{ section: 'objective', comment: 'More detail.' }] }, { actor: asha, activityId: 'a', now: START });
    assert.deepEqual(decision, {
      outcome: 'refused',
      code: 'forbidden',
      reason: 'Only the DARS contact or DARS staff can request amendments, and only while the application is under acceptance review. This case is at assurance, with reviews in progress.',
    });
    const late = decide(state, { type: 'requestAmendments', comments: [{ section: 'objective', comment: 'More detail.' }] }, { actor: dana, activityId: 'b', now: START });
    assert.equal(late.outcome === 'refused' && late.reason,
      'You can request amendments only while the application is under acceptance review. This case is at assurance, with reviews in progress. ' +
      'Next: Complete the open reviews: the assurance review, the Advisory Group for Data (AGD) and the Profession Advisory Group (PAG).');
  });

  it('binds case roles by Entra id: the DARS contact once allocated, the signatory once named', () => {
    assert.deepEqual(rolesOnCase(dana, caseAt('awaitingDarsContact').state), []);
    assert.deepEqual(rolesOnCase(dana, caseAt('drafting').state), ['darsContact']);
    assert.deepEqual(rolesOnCase(carl, caseAt('assessing').state), []);
    assert.deepEqual(rolesOnCase(carl, caseAt('awaitingFundingConfirmation').state), ['dataControllerSignatory']);
    assert.deepEqual(rolesOnCase(ada, caseAt('drafting').state), ['applicant']);
    assert.deepEqual(rolesOnCase(oscar, undefined), ['applicant'], 'anyone may open a case');
  });

  it('does not let staff decide on a case they are applying through', () => {
    const driver = caseAt('new');
    const staffApplicant = { ...sam, id: ada.id, name: 'Ada (also DARS staff)' };
    driver.do(staffApplicant, { type: 'submitEnquiry', reference: 'DARS-2026-00043', enquiry: caseAt('enquiryUnderReview').case.facts.enquiry });
    const decision = driver.attempt(staffApplicant, { type: 'acceptEnquiry' });
    assert.equal(decision.outcome, 'refused');
    assert.equal(decision.outcome === 'refused' && decision.code, 'forbidden');
    assert.match(decision.outcome === 'refused' ? decision.reason : '', /on the applicant’s side of this case, so you cannot accept an enquiry/);
    driver.do(sam, { type: 'acceptEnquiry' });
  });

  it('refuses commands on a case that does not exist', () => {
    const decision = decide(undefined, { type: 'acceptEnquiry' }, { actor: sam, activityId: 'x', now: START });
    assert.equal(decision.outcome === 'refused' && decision.code, 'notFound');
  });
});
