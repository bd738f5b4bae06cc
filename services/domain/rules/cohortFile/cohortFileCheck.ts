import type { IsoDate } from '../../calendar/isoDate';
import type { RulesConfig } from '../config';
import { defaultRules } from '../defaultRules';
import { formatCount, plural } from '../reason';
import { cohortHeader, type CohortColumns } from './cohortHeader';
import { isoDateNumber, parseCohortDate } from './cohortDates';
import { CsvRecordReader } from './csvRecords';
import { describeFailures, FailureTally, type FailingRow, type ReasonFailures } from './failureTally';

/**
 * The cohort (participant) file check (DOMAIN.md): CSV; the file name starts with the NIC number;
 * columns UNIQUE REFERENCE, STATUS (add/delete; a first file is all add), DATE OF BIRTH, and
 * PERSON_MIN_DATE / PERSON_MAX_DATE where dates are minimised; at most 1,000,000 rows; only the
 * items the DSA allows. Every failing row is reported (grouped by reason, as row ranges), the
 * counts are exact, and the summary text is capped. Memory: the report is bounded by the range
 * cap; the duplicate check holds each unique reference once (at most `maxRows` of them).
 */
export interface CohortFileCheckOptions {
  readonly fileName: string;
  readonly nicNumber: string;
  /** The case's first cohort file may only add people. */
  readonly firstFile: boolean;
  /** Columns beyond the required ones that the DSA allows. */
  readonly allowedItems?: readonly string[];
  /** Whether the DSA minimises dates; when absent, the header decides (both columns or neither). */
  readonly datesMinimised?: boolean;
  /** Dates of birth after today fail; omit to skip that check. */
  readonly today?: IsoDate;
  readonly config?: RulesConfig;
}

export interface CohortFileReport {
  readonly ok: boolean;
  readonly fileName: string;
  /** Problems with the file as a whole: its name, header or size. */
  readonly fileProblems: readonly string[];
  /** Data rows read (the header excluded). */
  readonly rowCount: number;
  readonly addCount: number;
  readonly deleteCount: number;
  /** Exact number of data rows that fail at least one check. */
  readonly failingRowCount: number;
  readonly failures: readonly ReasonFailures[];
  /** Plain English for a card, at most `maxSummaryChars` long. */
  readonly summary: string;
  /** SHA-256 (hex) of exactly the bytes checked: the hash the case records for the file. */
  readonly sha256: string;
  readonly byteCount: number;
  /** Every failing row with all its reasons, in row order (e.g. to write an error file). */
  failingRows(): Iterable<FailingRow>;
}

/** A check fed the file's bytes (or text) as they arrive; `finish` once they have all come. */
export interface CohortFileCheck {
  push(chunk: Buffer | string): Promise<void>;
  finish(): Promise<CohortFileReport>;
}

export function createCohortFileCheck(options: CohortFileCheckOptions): CohortFileCheck {
  const config = options.config ?? defaultRules;
  const rules = config.cohortFile;
  const names = rules.columns;
  const formats = rules.dateFormats;
  const today = options.today ? isoDateNumber(options.today) : Number.POSITIVE_INFINITY;
  // Row numbers count the header and any blank lines, so leave room beyond maxRows.
  const tally = new FailureTally(rules.maxRows + 10_000, rules.maxListedRanges);
  const fileProblems: string[] = [];
  const seen = new Set<string>();
  const reasons = {
    empty: 'The row is empty',
    malformed: 'The row is not valid CSV (a quoted value is not closed properly)',
    noReference: `${names.uniqueReference} is empty`,
    duplicate: `${names.uniqueReference} appears more than once in the file`,
    status: `${names.status} must be add or delete`,
    deleteInFirst: `${names.status} is delete, but a first cohort file may only add people`,
    dateOfBirth: `${names.dateOfBirth} is not a date in the form ${formats.join(' or ')}`,
    futureBirth: `${names.dateOfBirth} is after today`,
    minDate: `${names.personMinDate} is not a date in the form ${formats.join(' or ')}`,
    maxDate: `${names.personMaxDate} is not a date in the form ${formats.join(' or ')}`,
    minAfterMax: `${names.personMinDate} is after ${names.personMaxDate}`,
  };

  let columns: CohortColumns | null = null;
  let rowCount = 0;
  let addCount = 0;
  let deleteCount = 0;
  let failingRowCount = 0;
  let pendingEmptyRows: number[] = [];
  let failedRow = -1;

  const fail = (reason: string, row: number): void => {
    tally.add(reason, row);
    if (failedRow !== row) {
      failedRow = row;
      failingRowCount += 1;
    }
  };

  // Empty lines only fail when data follows them: a file may end with blank lines.
  const flushEmptyRows = (): void => {
    for (const row of pendingEmptyRows) fail(reasons.empty, row);
    pendingEmptyRows = [];
  };

  const checkRow = (fields: string[], row: number, cols: CohortColumns): void => {
    if (fields.length !== cols.width) {
      fail(`The row has a different number of values from the header (${cols.width})`, row);
      return;
    }
    if (cols.uniqueReference >= 0) {
      const reference = (fields[cols.uniqueReference] ?? '').trim();
      if (reference === '') fail(reasons.noReference, row);
      else if (seen.has(reference)) fail(reasons.duplicate, row);
      else if (rowCount <= rules.maxRows) seen.add(reference);
    }
    if (cols.status >= 0) {
      const status = (fields[cols.status] ?? '').trim().toLowerCase();
      if (status === 'add') addCount += 1;
      else if (status === 'delete') {
        deleteCount += 1;
        if (options.firstFile) fail(reasons.deleteInFirst, row);
      } else fail(reasons.status, row);
    }
    if (cols.dateOfBirth >= 0) {
      const birth = parseCohortDate((fields[cols.dateOfBirth] ?? '').trim(), formats);
      if (birth < 0) fail(reasons.dateOfBirth, row);
      else if (birth > today) fail(reasons.futureBirth, row);
    }
    if (cols.personMinDate >= 0 && cols.personMaxDate >= 0) {
      const min = parseCohortDate((fields[cols.personMinDate] ?? '').trim(), formats);
      const max = parseCohortDate((fields[cols.personMaxDate] ?? '').trim(), formats);
      if (min < 0) fail(reasons.minDate, row);
      if (max < 0) fail(reasons.maxDate, row);
      if (min >= 0 && max >= 0 && min > max) fail(reasons.minAfterMax, row);
    }
  };

  const reader = new CsvRecordReader(
    (fields, row) => {
      if (row === 1) {
        const header = cohortHeader(fields, options, names);
        fileProblems.push(...header.problems);
        columns = header.columns;
        return;
      }
      if (fields.length === 1 && (fields[0] ?? '').trim() === '') {
        pendingEmptyRows.push(row);
        return;
      }
      flushEmptyRows();
      rowCount += 1;
      if (columns) checkRow(fields, row, columns);
    },
    (row) => {
      if (row === 1) {
        fileProblems.push('The header row is not valid CSV (a quoted value is not closed properly).');
        return;
      }
      flushEmptyRows();
      rowCount += 1;
      fail(reasons.malformed, row);
    },
  );

  checkFileName(options, fileProblems);

  return {
    push: (chunk) => reader.push(chunk),
    finish: async () => {
      const received = await reader.end();
      if (columns === null && !fileProblems.some((problem) => problem.startsWith('The header row'))) {
        fileProblems.push('The file is empty: it needs a header row and at least one person.');
      } else if (rowCount === 0) {
        fileProblems.push('The file has a header but no people in it.');
      }
      if (rowCount > rules.maxRows) {
        fileProblems.push(`The file has ${formatCount(rowCount)} rows; at most ${formatCount(rules.maxRows)} are allowed in one file.`);
      }
      const failures = tally.results();
      const ok = fileProblems.length === 0 && failingRowCount === 0;
      const report = { ok, fileName: options.fileName, fileProblems, rowCount, addCount, deleteCount, failingRowCount, failures };
      return { ...report, summary: summarise(report, rules.maxSummaryChars), ...received, failingRows: () => tally.failingRows() };
    },
  };
}

function checkFileName(options: CohortFileCheckOptions, problems: string[]): void {
  if (!options.fileName.startsWith(options.nicNumber)) {
    problems.push(`The file name must start with the NIC number, ${options.nicNumber} (for example ${options.nicNumber}_cohort.csv).`);
  }
  if (!/\.csv$/i.test(options.fileName)) problems.push('The file must be a CSV file, with a name ending .csv.');
}

function summarise(report: Omit<CohortFileReport, 'summary' | 'sha256' | 'byteCount' | 'failingRows'>, maxChars: number): string {
  const people = `${plural(report.rowCount, 'row')} (${formatCount(report.addCount)} add, ${formatCount(report.deleteCount)} delete)`;
  if (report.ok) return `The cohort file ${report.fileName} passed every check: ${people}.`;
  const lines = [`The cohort file ${report.fileName} cannot be sent yet.`, ...report.fileProblems];
  if (report.failingRowCount > 0) lines.push(`${formatCount(report.failingRowCount)} of ${plural(report.rowCount, 'row')} fail:`);
  const head = lines.join('\n');
  // Share what is left fairly between the reasons, so each one shows its first rows.
  const share = Math.max(120, Math.floor((maxChars - head.length) / Math.max(1, report.failures.length)) - 1);
  const text = [head, ...report.failures.map((failure) => describeFailures(failure, share))].join('\n');
  return text.length <= maxChars ? text : `${text.slice(0, maxChars - 1)}…`;
}

/** Checks a whole file given as bytes or text, or as chunks of them. */
export async function checkCohortFile(content: Buffer | string | Iterable<Buffer | string>, options: CohortFileCheckOptions): Promise<CohortFileReport> {
  const check = createCohortFileCheck(options);
  if (typeof content === 'string' || Buffer.isBuffer(content)) await check.push(content);
  else for (const chunk of content) await check.push(chunk);
  return check.finish();
}

/** Checks a file as it streams in (e.g. a download), one chunk at a time. */
export async function checkCohortFileStream(content: AsyncIterable<Buffer | string>, options: CohortFileCheckOptions): Promise<CohortFileReport> {
  const check = createCohortFileCheck(options);
  for await (const chunk of content) await check.push(chunk);
  return check.finish();
}
