import assert from 'node:assert/strict';
import { estimateCost } from '../../services/domain/rules/charges';
import type { ChargeType } from '../../services/domain/rules/config';
import { defaultRules } from '../../services/domain/rules/defaultRules';
import { formatPounds } from '../../services/domain/rules/reason';

describe('rule: charges and the cost estimate', () => {
  const fees: [ChargeType, number, string][] = [
    ['newApplication', 143_100, '£1,431'],
    ['amendment', 113_800, '£1,138'],
    ['renewal', 113_800, '£1,138'],
    ['extension', 113_800, '£1,138'],
    ['annualReview', 69_400, '£694'],
  ];
  for (const [chargeType, pence, pounds] of fees) {
    it(`${chargeType} costs ${pounds} from 1 April 2026`, () => {
      const estimate = estimateCost({ chargeType, accessService: 'secureDataEnvironment', agreementYears: 3, on: '2026-04-01' });
      assert.equal(estimate.lines[0]?.amountPence, pence);
      assert.equal(estimate.totalPence, pence);
      assert.match(estimate.reasons[0] ?? '', new RegExp(`${pounds}, the charge from 1 April 2026`));
    });
  }

  it('says when the access service charge is not in the total', () => {
    const estimate = estimateCost({ chargeType: 'newApplication', accessService: 'secureDataEnvironment', agreementYears: 2, on: '2026-06-01' });
    assert.equal(estimate.complete, false);
    assert.match(estimate.reasons[1] ?? '', /quoted by the service and is not in this total/);
  });

  it('adds the access service charge per year when configured', () => {
    const rules = {
      ...defaultRules,
      charges: { ...defaultRules.charges, accessServices: { ...defaultRules.charges.accessServices, dissemination: { name: 'Data dissemination', annualChargePence: 50_000, serviceAgreementRequired: false } } },
    };
    const estimate = estimateCost({ chargeType: 'newApplication', accessService: 'dissemination', agreementYears: 3, on: '2026-06-01' }, rules);
    assert.equal(estimate.complete, true);
    assert.equal(estimate.totalPence, 143_100 + 150_000);
    assert.equal(formatPounds(estimate.totalPence), '£2,931');
  });

  it('has no tariff before 1 April 2026, and picks the latest tariff in force', () => {
    const before = estimateCost({ chargeType: 'newApplication', accessService: 'secureDataEnvironment', agreementYears: 1, on: '2026-03-31' });
    assert.equal(before.lines.length, 0);
    assert.match(before.reasons[0] ?? '', /No DARS charges are configured for requests made on 31 March 2026/);
    const rules = {
      ...defaultRules,
      charges: { ...defaultRules.charges, tariffs: [...defaultRules.charges.tariffs, { effectiveFrom: '2027-04-01', fees: { newApplication: 150_000, amendment: 1, renewal: 1, extension: 1, annualReview: 1 } }] },
    };
    assert.equal(estimateCost({ chargeType: 'newApplication', accessService: 'secureDataEnvironment', agreementYears: 1, on: '2027-03-31' }, rules).totalPence, 143_100);
    assert.equal(estimateCost({ chargeType: 'newApplication', accessService: 'secureDataEnvironment', agreementYears: 1, on: '2027-04-01' }, rules).totalPence, 150_000);
  });

  it('writes pence as pounds', () => {
    assert.equal(formatPounds(143_150), '£1,431.50');
    assert.equal(formatPounds(5), '£0.05');
  });
});
