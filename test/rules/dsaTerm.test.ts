import assert from 'node:assert/strict';
import { checkDsaTerm } from '../../services/domain/rules/dsaTerm';
import { defaultRules } from '../../services/domain/rules/defaultRules';
import { problemsIn } from '../../services/domain/rules/reason';

const today = '2026-06-01';

describe('rule: DSA term', () => {
  it('accepts a start from today up to 12 months ahead, with reasons', () => {
    const outcome = checkDsaTerm({ start: today, end: '2029-05-31', uses: ['other'] }, today);
    assert.equal(outcome.ok, true);
    assert.match(outcome.reasons[0]?.text ?? '', /starts on 1 June 2026: not in the past and within 12 months/);
    assert.match(outcome.reasons[1]?.text ?? '', /at most 3 years/);
    assert.equal(checkDsaTerm({ start: '2027-06-01', end: '2028-05-31', uses: [] }, today).ok, true, 'exactly 12 months ahead');
  });

  it('refuses a start in the past', () => {
    const outcome = checkDsaTerm({ start: '2026-05-31', end: '2027-05-30', uses: ['other'] }, today);
    assert.equal(outcome.ok, false);
    assert.deepEqual(problemsIn(outcome.reasons), ['The DSA cannot start in the past: 31 May 2026 is before today, 1 June 2026.']);
  });

  it('refuses a start more than 12 months ahead', () => {
    const outcome = checkDsaTerm({ start: '2027-06-02', end: '2028-06-01', uses: ['other'] }, today);
    assert.deepEqual(problemsIn(outcome.reasons), ['The DSA must start within 12 months: on or before 1 June 2027.']);
  });

  it('refuses an end on or before the start', () => {
    const outcome = checkDsaTerm({ start: '2026-07-01', end: '2026-07-01', uses: ['other'] }, today);
    assert.match(problemsIn(outcome.reasons)[0] ?? '', /must be after the start date/);
  });

  const limits = [
    { use: 'academicArchiving', years: 5, latest: '2031-06-30', label: 'archiving for academic research' },
    { use: 'commercial', years: 1, latest: '2027-06-30', label: 'commercial use' },
    { use: 'subLicence', years: 1, latest: '2027-06-30', label: 'a sub-licence' },
    { use: 'other', years: 3, latest: '2029-06-30', label: 'this use' },
  ] as const;
  for (const { use, years, latest, label } of limits) {
    it(`allows at most ${years} year(s) for ${use}: ends by ${latest}`, () => {
      const within = checkDsaTerm({ start: '2026-07-01', end: latest, uses: [use] }, today);
      assert.equal(within.ok, true);
      assert.equal(within.latestEnd, latest);
      const over = checkDsaTerm({ start: '2026-07-01', end: '2031-07-01', uses: [use] }, today);
      assert.equal(over.ok, false);
      assert.match(problemsIn(over.reasons)[0] ?? '', new RegExp(`A DSA for ${label} lasts at most ${years} years?: it must end on or before`));
    });
  }

  it('applies the strictest limit when several uses apply', () => {
    const outcome = checkDsaTerm({ start: '2026-07-01', end: '2028-06-30', uses: ['academicArchiving', 'commercial'] }, today);
    assert.equal(outcome.maxYears, 1);
    assert.equal(outcome.ok, false);
  });

  it('reads its limits from configuration', () => {
    const rules = { ...defaultRules, dsaTerm: { ...defaultRules.dsaTerm, maxYearsByUse: { ...defaultRules.dsaTerm.maxYearsByUse, other: 2 } } };
    assert.equal(checkDsaTerm({ start: '2026-07-01', end: '2029-06-30', uses: ['other'] }, today, rules).ok, false);
  });
});
