import type { RulesConfig } from '../config';

/**
 * Dates in a cohort file, parsed fast (a million rows, up to three dates each) into comparable
 * numbers: 2026-05-04 → 20260504. Returns -1 for anything that is not a real date in one of
 * the configured formats.
 */
export type CohortDateFormat = RulesConfig['cohortFile']['dateFormats'][number];

const patterns: Readonly<Record<CohortDateFormat, { regex: RegExp; order: [number, number, number] }>> = {
  'YYYY-MM-DD': { regex: /^(\d{4})-(\d{2})-(\d{2})$/, order: [1, 2, 3] },
  YYYYMMDD: { regex: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
  'DD/MM/YYYY': { regex: /^(\d{2})\/(\d{2})\/(\d{4})$/, order: [3, 2, 1] },
};

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function parseCohortDate(text: string, formats: readonly CohortDateFormat[]): number {
  for (const format of formats) {
    const { regex, order } = patterns[format];
    const match = regex.exec(text);
    if (!match) continue;
    const year = Number(match[order[0]]);
    const month = Number(match[order[1]]);
    const day = Number(match[order[2]]);
    if (month < 1 || month > 12 || day < 1) return -1;
    const length = month === 2 && isLeap(year) ? 29 : (monthLengths[month - 1] ?? 0);
    if (day > length) return -1;
    return year * 10_000 + month * 100 + day;
  }
  return -1;
}

/** The same number for an ISO date (today, from the workflow). */
export function isoDateNumber(date: string): number {
  return Number(date.replaceAll('-', ''));
}
