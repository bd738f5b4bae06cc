import { englandAndWalesBankHolidays, type BankHolidayCalendar } from './bankHolidays';
import { dayNumber, dayOfWeek, fromDayNumber, yearOf, type IsoDate } from './isoDate';

/**
 * Working days: Monday to Friday, not a bank holiday. Every DARS clock counts these.
 *
 * Conventions (used consistently by every deadline):
 * - `addWorkingDays(d, n)` is the n-th working day after d (d itself is not counted); n = 0 is d.
 * - `workingDaysBetween(a, b)` counts the working days in (a, b], so
 *   `workingDaysBetween(a, addWorkingDays(a, n)) === n`. It is negative when b is before a.
 */

export class CalendarNotCoveredError extends Error {
  constructor(readonly year: number, calendar: BankHolidayCalendar) {
    super(
      `No ${calendar.region} bank holidays are configured for ${year} (the calendar covers ` +
        `${calendar.firstYear}–${calendar.lastYear}); refresh services/domain/calendar/bank-holidays.json with 'npm run bank-holidays'.`,
    );
    this.name = 'CalendarNotCoveredError';
  }
}

export interface WorkingCalendar {
  readonly source: BankHolidayCalendar;
  readonly holidays: ReadonlyMap<IsoDate, string>;
}

export function workingCalendar(source: BankHolidayCalendar): WorkingCalendar {
  return { source, holidays: new Map(source.holidays.map((holiday) => [holiday.date, holiday.name])) };
}

export const englandAndWales: WorkingCalendar = workingCalendar(englandAndWalesBankHolidays);

function checkCovered(date: IsoDate, calendar: WorkingCalendar): void {
  const year = yearOf(date);
  if (year < calendar.source.firstYear || year > calendar.source.lastYear) {
    throw new CalendarNotCoveredError(year, calendar.source);
  }
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar = englandAndWales): boolean {
  checkCovered(date, calendar);
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date);
}

export function addWorkingDays(date: IsoDate, workingDays: number, calendar: WorkingCalendar = englandAndWales): IsoDate {
  if (!Number.isInteger(workingDays)) throw new RangeError(`Working days must be a whole number: ${workingDays}`);
  const step = workingDays >= 0 ? 1 : -1;
  let day = dayNumber(date);
  let remaining = Math.abs(workingDays);
  while (remaining > 0) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), calendar)) remaining -= 1;
  }
  return fromDayNumber(day);
}

export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar = englandAndWales): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end < start) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkingDay(fromDayNumber(day), calendar)) count += 1;
  }
  return count;
}

/** The first working day on or after a date: a deadline never falls on a weekend or holiday. */
export function onOrNextWorkingDay(date: IsoDate, calendar: WorkingCalendar = englandAndWales): IsoDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = fromDayNumber(dayNumber(day) + 1);
  return day;
}
