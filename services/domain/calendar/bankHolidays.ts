import published from './bank-holidays.json';

/**
 * England and Wales bank holidays, as data rather than a formula: substitute days and one-off
 * holidays (a coronation, a jubilee) are proclaimed, not computed. The data is GOV.UK's
 * published file (https://www.gov.uk/bank-holidays.json, england-and-wales division), committed
 * as bank-holidays.json beside this file; `npm run bank-holidays` refreshes it. Easter dates are
 * cross-checked against the Gregorian Easter computation in test/calendar, which also fails
 * twelve months before the data runs out. The working-day functions refuse to guess outside
 * the years listed.
 */

export interface BankHoliday {
  readonly date: string;
  readonly name: string;
}

export interface BankHolidayCalendar {
  readonly region: string;
  /** Inclusive: every bank holiday in these years is listed. */
  readonly firstYear: number;
  readonly lastYear: number;
  readonly holidays: readonly BankHoliday[];
}

/**
 * The first year the workflow counts: a reminder falls a few working days before its due date,
 * so deadlines in early January 2026 count back into 2025. The published file's earlier years
 * are left out: no DARS clock counts them.
 */
const firstYear = 2025;

interface PublishedEvent {
  readonly title: string;
  readonly date: string;
  readonly notes: string;
}

/** GOV.UK's title, with its note when it is a substitute day: "Boxing Day (substitute day)". */
function nameOf(event: PublishedEvent): string {
  return event.notes ? `${event.title} (${event.notes.toLowerCase()})` : event.title;
}

function calendarOf(events: readonly PublishedEvent[]): BankHolidayCalendar {
  const holidays = events
    .filter((event) => Number(event.date.slice(0, 4)) >= firstYear)
    .map((event) => ({ date: event.date, name: nameOf(event) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const lastYear = Number(holidays[holidays.length - 1].date.slice(0, 4));
  return { region: 'England and Wales', firstYear, lastYear, holidays };
}

export const englandAndWalesBankHolidays: BankHolidayCalendar = calendarOf(published['england-and-wales'].events);
