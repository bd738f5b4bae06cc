import assert from 'node:assert/strict';
import { checkCohortFile, type CohortFileCheckOptions } from '../../services/domain/rules/cohortFile/cohortFileCheck';
import { defaultRules } from '../../services/domain/rules/defaultRules';

/**
 * `npm run test:exhaustive` only: a cohort file at full scale (a million rows, several seconds of
 * CPU). The fast suite checks the same bounded report and exact counts on 20,000 rows
 * (cohortFile.test.ts, "with many failing rows").
 */
const NIC = 'NIC-123456-AB1C2';
const options: CohortFileCheckOptions = { fileName: `${NIC}_cohort.csv`, nicNumber: NIC, firstFile: true, today: '2026-06-01' };
const header = 'UNIQUE REFERENCE,STATUS,DATE OF BIRTH';

describe('rule: cohort file checks at full scale (exhaustive)', () => {
  it('checks 1,000,000 rows with exact counts and a bounded report', async function () {
    this.timeout(60_000);
    const chunks = function* (): Generator<string> {
      yield `${header}\n`;
      let batch = '';
      for (let i = 0; i < 1_000_000; i += 1) {
        batch += `PERSON${i},${i % 3 === 0 ? 'remove' : 'add'},${i % 7 === 0 ? '1990-02-30' : '1980-01-15'}\n`;
        if (batch.length > 65_536) {
          yield batch;
          batch = '';
        }
      }
      yield batch;
    };
    const report = await checkCohortFile(chunks(), options);
    assert.equal(report.rowCount, 1_000_000);
    const byReason = Object.fromEntries(report.failures.map((failure) => [failure.reason, failure.rowCount]));
    assert.equal(byReason['STATUS must be add or delete'], 333_334);
    assert.equal(byReason['DATE OF BIRTH is not a date in the form YYYY-MM-DD'], 142_858);
    // Rows failing either way: 333,334 + 142,858 − 47,620 (multiples of 21).
    assert.equal(report.failingRowCount, 428_572);
    assert.equal(report.fileProblems.length, 0);
    assert.ok(report.summary.length <= defaultRules.cohortFile.maxSummaryChars);
    let count = 0;
    for (const row of report.failingRows()) count += row.row > 0 ? 1 : 0;
    assert.equal(count, 428_572);
  });
});
