import assert from 'node:assert/strict';
import {
  canRead, caseRoles, caseStatuses, decide, isAllowed, noSuchCase, permissionKeys, readPermissions, readsEveryCase, rolesOnCase,
  staffRoles, type CaseRole, type CaseState, type CaseStatus,
} from '../../services/domain/workflow';
import { START } from './support/data';
import { caseAt } from './support/driver';
import { forbiddenCombinations } from './support/permissionCases';
import { actorFor, newcomer, oscar } from './support/people';
import { sampleFor } from './support/samples';

/**
 * The read table (who may see a case), exhaustively over every role and status of the standard
 * case (GP data and a novel use: all three reviews, a cohort file and a service agreement). The
 * expected matrix below is written out by hand from DOMAIN.md's roles, not derived from the table.
 */
const existing = caseStatuses.filter((status): status is Exclude<CaseStatus, 'new'> => status !== 'new');
const stateAt = (status: CaseStatus): CaseState => caseAt(status).case;

const afterApproval: CaseStatus[] = ['dsaToGenerate', 'dsaGenerated', 'awaitingSignatures', 'dsaDeclined', 'arrangingAccess', 'accessArranged'];
const fromReviews: CaseStatus[] = ['inReview', 'awaitingAdditionalAssurance', 'awaitingApproval', ...afterApproval];
/** Statuses the standard case reaches after the step that binds the person to it. */
const fromDrafting: CaseStatus[] = ['drafting', 'underAcceptanceReview', 'amendmentsRequested', 'levelToConfirm', ...fromReviews];
const fromFunding: CaseStatus[] = ['awaitingFundingConfirmation', 'assessmentComplete', 'awaitingDarsContact', ...fromDrafting];

const expected: Readonly<Record<CaseRole, readonly CaseStatus[]>> = {
  applicant: existing,
  applicantMember: existing,
  staff: existing,
  // The people the case binds by Entra id: from the moment it names them.
  darsContact: fromDrafting,
  dataControllerSignatory: fromFunding,
  // Reviewers: the cases that need or had their review.
  assurance: ['awaitingEarlyAdvice', 'levelToConfirm', ...fromReviews],
  agd: fromReviews,
  pag: fromReviews,
  // The approver and NHS England's signatories: the cases they must act on, and after.
  approver: ['awaitingApproval', ...afterApproval],
  nhseSignatory: ['awaitingSignatures', 'dsaDeclined', 'arrangingAccess', 'accessArranged'],
};

describe('read table', () => {
  it('has a row for every role, naming only statuses of cases that exist', () => {
    assert.deepEqual(Object.keys(readPermissions).sort(), [...caseRoles].sort());
    for (const role of caseRoles) {
      for (const status of readPermissions[role].statuses) assert.ok(existing.includes(status as never), `${role}: ${status}`);
    }
  });

  describe('every role at every status of the standard case', () => {
    for (const role of caseRoles) {
      it(`${role} sees ${readPermissions[role].cases}`, () => {
        const actor = actorFor[role];
        const seen = existing.filter((status) => canRead(stateAt(status), rolesOnCase(actor, stateAt(status))));
        assert.deepEqual(seen, existing.filter((status) => expected[role].includes(status)));
      });
    }
  });

  it('lets whoever may act on a case see it, at every status', () => {
    for (const status of existing) {
      const state = stateAt(status);
      for (const role of caseRoles) {
        const roles = rolesOnCase(actorFor[role], state);
        const acts = permissionKeys.filter((key) => isAllowed(key, status, roles));
        if (acts.length > 0) assert.ok(canRead(state, roles), `${role} may ${acts.join(', ')} at ${status} but not see the case`);
      }
    }
  });

  it('shows nobody a case they have no part in, nor any case that does not exist', () => {
    for (const status of existing) {
      for (const stranger of [oscar, newcomer]) assert.equal(canRead(stateAt(status), rolesOnCase(stranger, stateAt(status))), false, `${stranger.name} at ${status}`);
    }
    assert.equal(canRead(undefined, [...caseRoles]), false);
  });

  it('shows PAG only the cases whose GP data needs its review, and AGD only those at its level', () => {
    const state = stateAt('inReview');
    const assurance = state.facts.assurance!;
    const only = (kept: 'assurance' | 'agd' | 'pag') => ({ ...state, facts: { ...state.facts, assurance: { ...assurance, reviews: { [kept]: assurance.reviews[kept] } } } });
    assert.equal(canRead(only('agd'), ['pag']), false, 'no GP data: PAG does not see it');
    assert.equal(canRead(only('pag'), ['agd']), false, 'a level AGD does not review: AGD does not see it');
    assert.equal(canRead(only('pag'), ['pag']), true);
    assert.equal(canRead(only('assurance'), ['assurance']), true);
  });

  it('lets lists skip the per-case check only for DARS staff', () => {
    assert.deepEqual(staffRoles.filter((role) => readsEveryCase([role])), ['staff']);
    assert.equal(readsEveryCase([]), false);
  });

  describe('a decision by someone who may not see the case is refused exactly as for no case', () => {
    for (const key of permissionKeys.filter((candidate) => candidate !== 'submitEnquiry')) {
      it(key, () => {
        const command = sampleFor(key, 'enquiryUnderReview', stateAt('enquiryUnderReview')).command;
        const missing = decide(undefined, command, { actor: oscar, activityId: 'missing', now: START });
        assert.deepEqual(missing, { outcome: 'refused', code: 'notFound', reason: noSuchCase });
        let unseen = 0;
        for (const { status, role, actor, roles, state, command: sample } of forbiddenCombinations(key, existing)) {
          if (canRead(state, roles)) continue;
          unseen += 1;
          assert.deepEqual(decide(state, sample, { actor, activityId: 'unseen', now: START }), missing, `${key} at ${status} by ${role}`);
        }
        for (const status of existing) {
          const sample = sampleFor(key, status, stateAt(status)).command;
          assert.deepEqual(decide(stateAt(status), sample, { actor: oscar, activityId: 'outsider', now: START }), missing, `${key} at ${status} by an outsider`);
        }
        assert.ok(unseen > 0, 'some role may not see the case at some status');
      });
    }
  });
});
