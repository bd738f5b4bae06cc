import assert from 'node:assert/strict';
import { defaultRules } from '../../services/domain/rules/defaultRules';
import { problemsIn } from '../../services/domain/rules/reason';
import { checkSecurity } from '../../services/domain/rules/security';

const today = '2026-06-01';
const dspt = (status: 'Standards Met' | 'Standards Exceeded' | 'Approaching Standards' | 'Standards Not Met', publishedOn = '2025-09-01') =>
  ({ organisationCode: '8HV48', status, publishedOn });

describe('rule: security assurance', () => {
  for (const status of ['Standards Met', 'Standards Exceeded'] as const) {
    it(`accepts DSPT "${status}" published within the last 12 months`, () => {
      const outcome = checkSecurity({ dspt: dspt(status) }, today);
      assert.equal(outcome.met, true);
      assert.equal(outcome.via, 'dspt');
      assert.match(outcome.reasons[0]?.text ?? '', /accepted: .* in date \(published within the last 12 months\)/);
    });
  }

  it('refuses "Approaching Standards" and says which statuses count', () => {
    const outcome = checkSecurity({ dspt: dspt('Approaching Standards') }, today);
    assert.equal(outcome.met, false);
    assert.match(problemsIn(outcome.reasons)[0] ?? '', /must be Standards Met or Standards Exceeded/);
  });

  it('says "in date" means published on or after a year ago today', () => {
    assert.equal(checkSecurity({ dspt: dspt('Standards Met', '2025-06-01') }, today).met, true, 'exactly 12 months');
    const old = checkSecurity({ dspt: dspt('Standards Met', '2025-05-31') }, today);
    assert.equal(old.met, false);
    assert.match(problemsIn(old.reasons)[0] ?? '', /out of date: it must have been published on or after 1 June 2025/);
    assert.equal(checkSecurity({ dspt: dspt('Standards Met', '2026-06-02') }, today).met, false, 'a date in the future is not credible');
  });

  it('accepts an improvement plan approved by NHS England, which becomes a special condition', () => {
    const outcome = checkSecurity({
      dspt: dspt('Approaching Standards'),
      improvementPlan: { reference: 'IP-2026-007', approvedByNhsEngland: true, completeBy: '2026-12-31' },
    }, today);
    assert.equal(outcome.met, true);
    assert.equal(outcome.via, 'improvementPlan');
    assert.deepEqual(outcome.specialConditions, ['The organisation must complete its security improvement plan IP-2026-007, approved by NHS England, by 31 December 2026.']);
  });

  it('refuses an improvement plan that is not approved', () => {
    const outcome = checkSecurity({ improvementPlan: { reference: 'IP-1', approvedByNhsEngland: false, completeBy: '2026-12-31' } }, today);
    assert.equal(outcome.met, false);
    assert.match(problemsIn(outcome.reasons)[0] ?? '', /has not been approved by NHS England/);
  });

  for (const kind of ['ISO 27001', 'SLSP']) {
    it(`accepts ${kind} evidence only once reviewed by the security team`, () => {
      assert.equal(checkSecurity({ certification: { kind, reference: 'CERT-1', reviewedBySecurity: true } }, today).via, 'certification');
      const unreviewed = checkSecurity({ certification: { kind, reference: 'CERT-1', reviewedBySecurity: false } }, today);
      assert.equal(unreviewed.met, false);
      assert.match(problemsIn(unreviewed.reasons)[0] ?? '', /must be reviewed by NHS England's security team/);
    });
  }

  it('refuses an unknown certification and no evidence at all', () => {
    assert.match(problemsIn(checkSecurity({ certification: { kind: 'Cyber Essentials', reference: 'X', reviewedBySecurity: true } }, today).reasons)[0] ?? '', /not an accepted alternative/);
    const none = checkSecurity({}, today);
    assert.equal(none.met, false);
    assert.match(problemsIn(none.reasons)[0] ?? '', /No security assurance given/);
  });

  it('reads "in date" from configuration', () => {
    const rules = { ...defaultRules, security: { ...defaultRules.security, dsptInDateMonths: 24 } };
    assert.equal(checkSecurity({ dspt: dspt('Standards Met', '2024-07-01') }, today, rules).met, true);
  });
});
