import assert from 'node:assert/strict';
import { recommendAssuranceLevel, type AssuranceFacts } from '../../services/domain/rules/assuranceLevel';
import { rulesConfigSchema, type AssuranceFactName } from '../../services/domain/rules/config';
import { defaultRules } from '../../services/domain/rules/defaultRules';
import { checkGpData, requiredReviews } from '../../services/domain/rules/reviews';

const none: AssuranceFacts = {
  novelOrContentious: false, commercial: false, identifiableWithoutConsent: false, subLicensed: false, gpData: false, recordLevel: false, cloudOutsideUk: false,
};
const only = (fact: AssuranceFactName): AssuranceFacts => ({ ...none, [fact]: true });

describe('rule: assurance level recommender', () => {
  it('recommends Standard when no criterion applies, and says so', () => {
    const recommendation = recommendAssuranceLevel(none);
    assert.equal(recommendation.level, 'standard');
    assert.deepEqual(recommendation.reasons, ['None of the criteria for a higher level applies, so Standard assurance.']);
  });

  const expected: Record<AssuranceFactName, [string, string]> = {
    novelOrContentious: ['complex', 'The use is novel or contentious (Complex).'],
    commercial: ['complex', 'The purpose is commercial (Complex).'],
    identifiableWithoutConsent: ['complex', 'Identifiable data is requested without consent (Complex).'],
    subLicensed: ['complex', 'The data will be sub-licensed (Complex).'],
    gpData: ['medium', 'The request includes GP data (Medium).'],
    recordLevel: ['medium', 'Record-level data is requested (Medium).'],
    cloudOutsideUk: ['medium', 'The data will be stored in the cloud outside the UK (Medium).'],
  };
  for (const [fact, [level, reason]] of Object.entries(expected) as [AssuranceFactName, [string, string]][]) {
    it(`${fact} alone → ${level}, with its reason`, () => {
      const recommendation = recommendAssuranceLevel(only(fact));
      assert.equal(recommendation.level, level);
      assert.deepEqual(recommendation.reasons, [reason]);
    });
  }

  it('takes the highest level and lists every reason, highest first', () => {
    const recommendation = recommendAssuranceLevel({ ...none, gpData: true, commercial: true, recordLevel: true });
    assert.equal(recommendation.level, 'complex');
    assert.equal(recommendation.label, 'Complex');
    assert.deepEqual(recommendation.reasons, [
      'The purpose is commercial (Complex).',
      'The request includes GP data (Medium).',
      'Record-level data is requested (Medium).',
    ]);
  });

  it('uses levels and criteria from configuration', () => {
    const rules = rulesConfigSchema.parse({
      ...defaultRules,
      assurance: {
        levels: [{ id: 'low', label: 'Low' }, { id: 'high', label: 'High' }, { id: 'panel', label: 'Panel' }],
        defaultLevel: 'low',
        criteria: [{ fact: 'gpData', level: 'panel', reason: 'GP data goes to the panel.' }],
        agdLevels: ['panel'],
      },
    });
    assert.equal(recommendAssuranceLevel(only('gpData'), rules).level, 'panel');
    assert.equal(recommendAssuranceLevel(only('commercial'), rules).level, 'low');
    assert.deepEqual(requiredReviews('panel', [], rules).map((review) => review.review), ['assurance', 'agd']);
  });

  it('refuses a configuration naming an unknown level', () => {
    const parsed = rulesConfigSchema.safeParse({ ...defaultRules, assurance: { ...defaultRules.assurance, agdLevels: ['extreme'] } });
    assert.equal(parsed.success, false);
    assert.deepEqual(parsed.error?.issues[0]?.path, ['assurance', 'agdLevels', 0]);
    assert.equal(rulesConfigSchema.safeParse(defaultRules).success, true, 'the defaults are valid');
  });
});

describe('rule: which reviews are required', () => {
  const hes = { code: 'HES-APC', name: 'HES APC', containsGpData: false };
  const gdppr = { code: 'GDPPR', name: 'GDPPR', containsGpData: true };

  it('GP data → PAG, naming the GP datasets', () => {
    assert.deepEqual(checkGpData([hes]), { pagRequired: false, reasons: ['No GP data is requested, so PAG does not need to review.'] });
    const gp = checkGpData([hes, gdppr]);
    assert.equal(gp.pagRequired, true);
    assert.match(gp.reasons[0] ?? '', /GDPPR \(GDPPR\) — so PAG must review/);
  });

  it('always the assurance review; AGD at the highest level; PAG with GP data', () => {
    assert.deepEqual(requiredReviews('standard', [hes]).map((r) => r.review), ['assurance']);
    assert.deepEqual(requiredReviews('medium', [gdppr]).map((r) => r.review), ['assurance', 'pag']);
    assert.deepEqual(requiredReviews('complex', [hes, gdppr]).map((r) => r.review), ['assurance', 'agd', 'pag']);
    assert.match(requiredReviews('complex', [])[1]?.reason ?? '', /Complex assurance needs advice from AGD/);
  });
});
