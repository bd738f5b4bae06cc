export { formatDate, londonDate } from '../calendar';

/** Reading the dates people type: "April 2019", "Apr 2019", "2019-04", "04/2019", "1 March 2027". */

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase();
  if (key.length < 3) return undefined;
  const index = months.findIndex((month) => month.startsWith(key));
  return index >= 0 ? index + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM" for what a person typed, or undefined. */
export function parseYearMonth(text: string): string | undefined {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})$/.exec(value) ?? undefined;
  if (match) return validYearMonth(Number(match[1]), Number(match[2]));
  match = /^(\d{1,2})\/(\d{4})$/.exec(value) ?? undefined;
  if (match) return validYearMonth(Number(match[2]), Number(match[1]));
  match = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(value) ?? undefined;
  if (match) {
    const month = monthNumber(match[1]);
    return month ? validYearMonth(Number(match[2]), month) : undefined;
  }
  return undefined;
}

function validYearMonth(year: number, month: number): string | undefined {
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2200 ? `${year}-${pad(month)}` : undefined;
}

/** "YYYY-MM-DD" for what a person typed (UK order for numeric dates), or undefined. */
export function parseDate(text: string): string | undefined {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value) ?? undefined;
  if (match) return validDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value) ?? undefined;
  if (match) return validDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(value) ?? undefined;
  if (match) {
    const month = monthNumber(match[2]);
    return month ? validDate(Number(match[3]), month, Number(match[1])) : undefined;
  }
  match = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(value) ?? undefined;
  if (match) {
    // "March 2027": a month is taken as its first day.
    const month = monthNumber(match[1]);
    return month ? validDate(Number(match[2]), month, 1) : undefined;
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

export function formatYearMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  return `${months[month - 1][0].toUpperCase()}${months[month - 1].slice(1)} ${year}`;
}
