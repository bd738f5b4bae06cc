/**
 * England and Wales bank holidays, as data rather than a formula: substitute days and one-off
 * holidays (a coronation, a jubilee) are proclaimed, not computed. Source: GOV.UK "UK bank
 * holidays" (england-and-wales). Easter dates are cross-checked against the Gregorian Easter
 * computation in test/calendar. Add each new year here before the workflow's deadlines reach it:
 * the working-day functions refuse to guess outside the years listed.
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

export const englandAndWalesBankHolidays: BankHolidayCalendar = {
  region: 'England and Wales',
  firstYear: 2025,
  lastYear: 2028,
  holidays: [
    // 2025: a reminder falls a few working days before its due date, so deadlines in early
    // January 2026 count back into it.
    { date: '2025-01-01', name: 'New Year’s Day' },
    { date: '2025-04-18', name: 'Good Friday' },
    { date: '2025-04-21', name: 'Easter Monday' },
    { date: '2025-05-05', name: 'Early May bank holiday' },
    { date: '2025-05-26', name: 'Spring bank holiday' },
    { date: '2025-08-25', name: 'Summer bank holiday' },
    { date: '2025-12-25', name: 'Christmas Day' },
    { date: '2025-12-26', name: 'Boxing Day' },

    { date: '2026-01-01', name: 'New Year’s Day' },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-05-04', name: 'Early May bank holiday' },
    { date: '2026-05-25', name: 'Spring bank holiday' },
    { date: '2026-08-31', name: 'Summer bank holiday' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', name: 'Boxing Day (substitute day)' },

    { date: '2027-01-01', name: 'New Year’s Day' },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-03-29', name: 'Easter Monday' },
    { date: '2027-05-03', name: 'Early May bank holiday' },
    { date: '2027-05-31', name: 'Spring bank holiday' },
    { date: '2027-08-30', name: 'Summer bank holiday' },
    { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
    { date: '2027-12-28', name: 'Boxing Day (substitute day)' },

    { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
    { date: '2028-04-14', name: 'Good Friday' },
    { date: '2028-04-17', name: 'Easter Monday' },
    { date: '2028-05-01', name: 'Early May bank holiday' },
    { date: '2028-05-29', name: 'Spring bank holiday' },
    { date: '2028-08-28', name: 'Summer bank holiday' },
    { date: '2028-12-25', name: 'Christmas Day' },
    { date: '2028-12-26', name: 'Boxing Day' },
  ],
};
