import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { checkCohortFile, checkCohortFileStream, type CohortFileCheckOptions } from '../../services/domain/rules/cohortFile/cohortFileCheck';
import { defaultRules } from '../../services/domain/rules/defaultRules';

const NIC = 'NIC-123456-AB1C2';
const options: CohortFileCheckOptions = { fileName: `${NIC}_cohort.csv`, nicNumber: NIC, firstFile: true, today: '2026-06-01' };
const header = 'UNIQUE REFERENCE,STATUS,DATE OF BIRTH';
const file = (...rows: string[]): string => [header, ...rows].join('\n') + '\n';
const reasonsOf = (report: Awaited<ReturnType<typeof checkCohortFile>>) => report.failures.map((failure) => [failure.reason, failure.ranges.map((r) => [r.from, r.to])]);

describe('rule: cohort file checks', () => {
  it('passes a good first file, counting add rows', async () => {
    const report = await checkCohortFile(file('P1,add,1980-01-15', 'P2,ADD,1975-12-31'), options);
    assert.equal(report.ok, true, report.summary);
    assert.deepEqual([report.rowCount, report.addCount, report.deleteCount, report.failingRowCount], [2, 2, 0, 0]);
    assert.equal(report.summary, `The cohort file ${NIC}_cohort.csv passed every check: 2 rows (2 add, 0 delete).`);
  });

  it('needs a .csv name starting with the NIC number', async () => {
    const report = await checkCohortFile(file('P1,add,1980-01-15'), { ...options, fileName: 'cohort.xlsx' });
    assert.equal(report.ok, false);
    assert.deepEqual(report.fileProblems, [
      `The file name must start with the NIC number, ${NIC} (for example ${NIC}_cohort.csv).`,
      'The file must be a CSV file, with a name ending .csv.',
    ]);
  });

  it('needs the required columns and only items the DSA allows', async () => {
    const report = await checkCohortFile('UNIQUE REFERENCE,NHS NUMBER,POSTCODE\nP1,9434765919,LS2 9JT\n', { ...options, allowedItems: ['NHS NUMBER'] });
    assert.deepEqual(report.fileProblems, [
      'The header must have a column named STATUS.',
      'The header must have a column named DATE OF BIRTH.',
      'The column POSTCODE is not an item the DSA allows; remove it.',
    ]);
  });

  it('matches column names ignoring case and spaces, and accepts allowed extra items', async () => {
    const report = await checkCohortFile(' unique reference ,Status,date of birth,NHS NUMBER\nP1,add,1980-01-15,9434765919\n', { ...options, allowedItems: ['nhs number'] });
    assert.equal(report.ok, true, report.summary);
  });

  it('a first file may only add people; later files may delete', async () => {
    const rows = file('P1,add,1980-01-15', 'P2,delete,1980-01-15');
    assert.deepEqual(reasonsOf(await checkCohortFile(rows, options)), [['STATUS is delete, but a first cohort file may only add people', [[3, 3]]]]);
    assert.equal((await checkCohortFile(rows, { ...options, firstFile: false })).ok, true);
  });

  it('reports every failing row with its row number and reason (the header is row 1)', async () => {
    const report = await checkCohortFile(file(
      'P1,add,1980-01-15', //  row 2: fine
      'P2,remove,1980-01-15', // row 3: status
      ',add,1980-02-30', //      row 4: no reference, impossible date
      'P1,add,2030-01-01', //    row 5: duplicate, born in the future
      'P5,add', //               row 6: too few values
      'P6,maybe,15/01/1980', //  row 7: status and date format
    ), options);
    assert.equal(report.ok, false);
    assert.equal(report.failingRowCount, 5);
    assert.deepEqual(reasonsOf(report), [
      ['STATUS must be add or delete', [[3, 3], [7, 7]]],
      ['UNIQUE REFERENCE is empty', [[4, 4]]],
      ['DATE OF BIRTH is not a date in the form YYYY-MM-DD', [[4, 4], [7, 7]]],
      ['UNIQUE REFERENCE appears more than once in the file', [[5, 5]]],
      ['DATE OF BIRTH is after today', [[5, 5]]],
      ['The row has a different number of values from the header (3)', [[6, 6]]],
    ]);
    assert.deepEqual([...report.failingRows()].map((row) => [row.row, row.reasons.length]), [[3, 1], [4, 2], [5, 2], [6, 1], [7, 2]]);
    assert.match(report.summary, /STATUS must be add or delete: rows 3, 7 \(2 rows\)\./);
    assert.doesNotMatch(report.summary, /P1|P2|P6|1980/, 'no values from the file in the summary');
  });

  it('checks minimised dates when the DSA minimises them', async () => {
    const minimised = 'UNIQUE REFERENCE,STATUS,DATE OF BIRTH,PERSON_MIN_DATE,PERSON_MAX_DATE\n';
    const report = await checkCohortFile(`${minimised}P1,add,1980-01-15,2015-04-01,2024-03-31\nP2,add,1980-01-15,2024-04-01,2015-03-31\nP3,add,1980-01-15,,2024-03-31\n`, { ...options, datesMinimised: true });
    assert.deepEqual(reasonsOf(report), [['PERSON_MIN_DATE is after PERSON_MAX_DATE', [[3, 3]]], ['PERSON_MIN_DATE is not a date in the form YYYY-MM-DD', [[4, 4]]]]);
    assert.deepEqual((await checkCohortFile(file('P1,add,1980-01-15'), { ...options, datesMinimised: true })).fileProblems, [
      'The DSA minimises dates, so the header must have both PERSON_MIN_DATE and PERSON_MAX_DATE.',
    ]);
    assert.deepEqual((await checkCohortFile(`${minimised}P1,add,1980-01-15,2015-04-01,2024-03-31\n`, { ...options, datesMinimised: false })).fileProblems, [
      'The DSA does not minimise dates, so remove PERSON_MIN_DATE and PERSON_MAX_DATE.',
    ]);
    assert.deepEqual((await checkCohortFile('UNIQUE REFERENCE,STATUS,DATE OF BIRTH,PERSON_MIN_DATE\nP1,add,1980-01-15,2015-04-01\n', options)).fileProblems, [
      'PERSON_MIN_DATE and PERSON_MAX_DATE go together: give both, or neither.',
    ]);
  });

  it('reads quoted values, CRLF line ends and a byte-order mark', async () => {
    const text = '\uFEFFUNIQUE REFERENCE,STATUS,DATE OF BIRTH\r\n"P,1",add,1980-01-15\r\n"P ""2""",add,"1980-01-16"\r\n"P\n3",add,1980-01-17\r\n';
    const report = await checkCohortFile(text, options);
    assert.equal(report.ok, true, report.summary);
    assert.equal(report.rowCount, 3);
    const broken = await checkCohortFile(`${header}\n"P1,add,1980-01-15\n`, options);
    assert.deepEqual(reasonsOf(broken), [['The row is not valid CSV (a quoted value is not closed properly)', [[2, 2]]]]);
  });

  it('gives the same report whatever the chunk sizes', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `"R${i}",${i % 9 === 0 ? 'bad' : 'add'},${i % 11 === 0 ? '1990-13-01' : '1990-01-01'}`);
    const text = file(...rows);
    const whole = await checkCohortFile(text, options);
    for (const size of [1, 2, 7, 64, 4096]) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      const chunked = await checkCohortFile(chunks, options);
      assert.deepEqual({ ...chunked, failingRows: null }, { ...whole, failingRows: null }, `chunks of ${size}`);
    }
    assert.equal(whole.failingRowCount, 56 + 46 - 6); // multiples of 9, of 11, minus multiples of 99
  });

  it('hashes exactly the bytes received (SHA-256), whatever the chunks, even a character split between them', async () => {
    const bytes = Buffer.from('\uFEFFUNIQUE REFERENCE,STATUS,DATE OF BIRTH\r\n"Zoë, ""P1""",add,1980-01-15\r\n"P\n2",add,1980-01-16\r\n', 'utf8');
    const expected = createHash('sha256').update(bytes).digest('hex');
    const whole = await checkCohortFile(bytes, options);
    assert.equal(whole.ok, true, whole.summary);
    assert.equal(whole.rowCount, 2);
    assert.equal(whole.sha256, expected);
    assert.equal(whole.byteCount, bytes.length);
    const split = bytes.indexOf(Buffer.from('ë')) + 1; // between the two bytes of ë
    const chunked = await checkCohortFile([bytes.subarray(0, split), bytes.subarray(split)], options);
    assert.deepEqual({ ...chunked, failingRows: null }, { ...whole, failingRows: null });
    const seen: string[] = [];
    for (const row of (await checkCohortFile([bytes.subarray(0, split), bytes.subarray(split)], { ...options, today: '1980-01-15' })).failingRows()) seen.push(String(row.row));
    assert.deepEqual(seen, ['3'], 'the quoted line break keeps P2 on row 3');
    assert.notEqual((await checkCohortFile(bytes.toString('utf8').replace(/\r\n/g, '\n'), options)).sha256, expected, 'other line ends are other bytes');
  });

  it('reads an async stream of chunks', async () => {
    async function* stream(): AsyncGenerator<string> {
      yield `${header}\nP1,a`;
      yield 'dd,1980-01-15\nP2,add,19';
      yield '80-01-16';
    }
    const report = await checkCohortFileStream(stream(), options);
    assert.equal(report.ok, true, report.summary);
    assert.equal(report.rowCount, 2);
  });

  it('treats an empty file, a header alone, and blank lines sensibly', async () => {
    assert.deepEqual((await checkCohortFile('', options)).fileProblems, ['The file is empty: it needs a header row and at least one person.']);
    assert.deepEqual((await checkCohortFile(`${header}\n`, options)).fileProblems, ['The file has a header but no people in it.']);
    assert.equal((await checkCohortFile(`${header}\nP1,add,1980-01-15\n\n\n`, options)).ok, true, 'trailing blank lines are ignored');
    assert.deepEqual(reasonsOf(await checkCohortFile(`${header}\nP1,add,1980-01-15\n\nP2,add,1980-01-15\n`, options)), [['The row is empty', [[3, 3]]]]);
  });

  it('refuses more rows than allowed, counting them all', async () => {
    const rules = { ...defaultRules, cohortFile: { ...defaultRules.cohortFile, maxRows: 3 } };
    const report = await checkCohortFile(file('A,add,1980-01-01', 'B,add,1980-01-01', 'C,add,1980-01-01', 'D,add,1980-01-01'), { ...options, config: rules });
    assert.equal(report.rowCount, 4);
    assert.deepEqual(report.fileProblems, ['The file has 4 rows; at most 3 are allowed in one file.']);
  });

  it('with many failing rows, lists every one (as ranges and row by row) and caps the summary', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `R${i},${i % 2 === 0 ? 'add' : 'oops'},1980-01-01`);
    const report = await checkCohortFile(file(...rows), options);
    assert.equal(report.failingRowCount, 10_000);
    const status = report.failures.find((failure) => failure.reason === 'STATUS must be add or delete');
    assert.ok(status);
    assert.equal(status.rowCount, 10_000);
    assert.equal(status.ranges.length, 5_000, 'the configured cap on listed ranges');
    assert.equal(status.unlistedRows, 5_000);
    // Every failing row is still reported, in order, by failingRows(): rows 3, 5, … 20,001.
    let expected = 3;
    for (const row of report.failingRows()) {
      assert.equal(row.row, expected);
      expected += 2;
    }
    assert.equal(expected, 20_003);
    assert.ok(report.summary.length <= defaultRules.cohortFile.maxSummaryChars);
    assert.match(report.summary, /10,000 of 20,000 rows fail:/);
    assert.match(report.summary, /STATUS must be add or delete: rows 3, 5, 7, .* and [\d,]+ more \(10,000 rows\)\./);
  });
});
