import assert from 'node:assert/strict';
import { englandAndWalesBankHolidays } from '../../services/domain/calendar/bankHolidays';
import { addDays, dayOfWeek, fromDayNumber, dayNumber } from '../../services/domain/calendar/isoDate';

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of the data. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const firstMonday = (year: number, month: number): string => {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  while (dayOfWeek(date) !== 1) date = addDays(date, 1);
  return date;
};
const lastMonday = (year: number, month: number): string => {
  let date = addDays(`${year}-${String(month + 1).padStart(2, '0')}-01`, -1);
  while (dayOfWeek(date) !== 1) date = addDays(date, -1);
  return date;
};
/** A holiday on a weekend moves to the next weekday not already taken. */
const substitute = (date: string, taken: Set<string>): string => {
  let day = date;
  while (dayOfWeek(day) === 0 || dayOfWeek(day) === 6 || taken.has(day)) day = fromDayNumber(dayNumber(day) + 1);
  taken.add(day);
  return day;
};

function computedHolidays(year: number): string[] {
  const taken = new Set<string>();
  const easter = easterSunday(year);
  const newYear = substitute(`${year}-01-01`, taken);
  const christmas = substitute(`${year}-12-25`, taken);
  const boxing = substitute(`${year}-12-26`, taken);
  return [newYear, addDays(easter, -2), addDays(easter, 1), firstMonday(year, 5), lastMonday(year, 5), lastMonday(year, 8), christmas, boxing].sort();
}

describe('England and Wales bank holidays (data)', () => {
  const listed = (year: number): string[] => englandAndWalesBankHolidays.holidays.map((h) => h.date).filter((d) => d.startsWith(String(year))).sort();

  it('Easter is computed correctly (known years as a check of the algorithm)', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2028), '2028-04-16');
  });

  for (const year of [2025, 2026, 2027, 2028]) {
    it(`lists exactly the ${year} holidays the rules give (Easter computed, substitutes applied)`, () => {
      assert.deepEqual(listed(year), computedHolidays(year));
    });
  }

  it('matches the published dates', () => {
    assert.deepEqual(listed(2025), ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']);
    assert.deepEqual(listed(2026), ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    assert.deepEqual(listed(2027), ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
    assert.deepEqual(listed(2028), ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']);
  });

  it('declares the years it covers, and every holiday falls on a weekday', () => {
    assert.equal(englandAndWalesBankHolidays.firstYear, 2025);
    assert.equal(englandAndWalesBankHolidays.lastYear, 2028);
    for (const holiday of englandAndWalesBankHolidays.holidays) {
      assert.ok(dayOfWeek(holiday.date) >= 1 && dayOfWeek(holiday.date) <= 5, `${holiday.date} ${holiday.name} is a weekday`);
    }
  });
});

describe('England and Wales bank holidays (freshness)', () => {
  it('the data runs at least twelve months past today (else: npm run bank-holidays)', () => {
    const dates = englandAndWalesBankHolidays.holidays.map((h) => h.date).sort();
    const last = dates[dates.length - 1];
    const warnFrom = new Date(`${last}T00:00:00Z`);
    warnFrom.setUTCMonth(warnFrom.getUTCMonth() - 12);
    assert.ok(
      new Date() < warnFrom,
      `The England and Wales bank holidays listed run out on ${last}, less than twelve months from today. ` +
        'Refresh services/domain/calendar/bank-holidays.json from GOV.UK with `npm run bank-holidays` ' +
        '(or `npm run bank-holidays -- <saved copy of https://www.gov.uk/bank-holidays.json>`), then run test/calendar.',
    );
  });
});
