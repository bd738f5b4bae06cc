import assert from 'node:assert/strict';
import { checkCommonLawDuty } from '../../services/domain/rules/commonLawDuty';
import { problemsIn } from '../../services/domain/rules/reason';

describe('rule: identifiable data without consent needs s251 support', () => {
  it('needs nothing more for data that is not identifiable', () => {
    for (const level of ['aggregate', 'pseudonymised'] as const) {
      const outcome = checkCommonLawDuty({ level, basis: 'notApplicable' });
      assert.deepEqual([outcome.met, outcome.s251Required], [true, false]);
      assert.match(outcome.reasons[0]?.text ?? '', /not identifiable, so s251 support is not needed/);
    }
  });

  it('accepts identifiable data with consent', () => {
    assert.deepEqual(checkCommonLawDuty({ level: 'identifiable', basis: 'consent' }).met, true);
  });

  it('requires a CAG reference for s251 support', () => {
    const missing = checkCommonLawDuty({ level: 'identifiable', basis: 's251' });
    assert.deepEqual([missing.met, missing.s251Required], [false, true]);
    assert.match(problemsIn(missing.reasons)[0] ?? '', /give the CAG reference/);
    assert.match(problemsIn(checkCommonLawDuty({ level: 'identifiable', basis: 's251', cagReference: 'ABC' }).reasons)[0] ?? '', /does not look like a CAG reference/);
    assert.equal(checkCommonLawDuty({ level: 'identifiable', basis: 's251', cagReference: '21/CAG/0123' }).met, true);
    assert.equal(checkCommonLawDuty({ level: 'identifiable', basis: 's251', cagReference: 'CAG 8-03(PR11)/2013' }).met, true);
  });

  it('refuses "not applicable" for identifiable data', () => {
    const outcome = checkCommonLawDuty({ level: 'identifiable', basis: 'notApplicable' });
    assert.deepEqual([outcome.met, outcome.s251Required], [false, true]);
    assert.match(problemsIn(outcome.reasons)[0] ?? '', /only for data that is not identifiable/);
  });
});
