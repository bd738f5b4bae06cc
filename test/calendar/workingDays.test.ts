import assert from 'node:assert/strict';
import { addDays, addMonths, formatDate, isIsoDate, londonDate } from '../../services/domain/calendar/isoDate';
import { addWorkingDays, CalendarNotCoveredError, isWorkingDay, onOrNextWorkingDay, workingDaysBetween } from '../../services/domain/calendar/workingDays';

describe('working days (England and Wales)', () => {
  it('weekends and bank holidays are not working days', () => {
    assert.equal(isWorkingDay('2026-12-24'), true);
    assert.equal(isWorkingDay('2026-12-25'), false, 'Christmas Day');
    assert.equal(isWorkingDay('2026-12-26'), false, 'Saturday');
    assert.equal(isWorkingDay('2026-12-28'), false, 'Boxing Day substitute');
    assert.equal(isWorkingDay('2026-12-29'), true);
    assert.equal(isWorkingDay('2027-03-26'), false, 'Good Friday 2027');
  });

  it('adds working days across Christmas 2026 (25th, weekend, 28th substitute)', () => {
    assert.equal(addWorkingDays('2026-12-24', 1), '2026-12-29');
    assert.equal(addWorkingDays('2026-12-23', 3), '2026-12-30');
    assert.equal(addWorkingDays('2026-12-21', 5), '2026-12-30');
    // …and New Year 2027: 31 Dec, then Friday 1 Jan is a holiday.
    assert.equal(addWorkingDays('2026-12-30', 2), '2027-01-04');
  });

  it('adds working days across Easter 2026 and Christmas 2027', () => {
    assert.equal(addWorkingDays('2026-04-02', 1), '2026-04-07');
    assert.equal(addWorkingDays('2027-12-24', 1), '2027-12-29');
    assert.equal(addWorkingDays('2027-12-31', 1), '2028-01-04');
  });

  it('counts back with negative days, and 0 is the day itself', () => {
    assert.equal(addWorkingDays('2026-12-29', -1), '2026-12-24');
    assert.equal(addWorkingDays('2026-12-25', 0), '2026-12-25');
    assert.equal(onOrNextWorkingDay('2026-12-25'), '2026-12-29');
  });

  it('counts the working days in (from, to], inverse of addWorkingDays', () => {
    assert.equal(workingDaysBetween('2026-12-23', '2027-01-04'), 5); // 24, 29, 30, 31 Dec, 4 Jan
    assert.equal(workingDaysBetween('2027-01-04', '2026-12-23'), -5);
    assert.equal(workingDaysBetween('2026-06-01', '2026-06-01'), 0);
    for (let day = 0; day < 700; day += 13) {
      const from = addDays('2026-01-02', day);
      for (const n of [0, 1, 4, 17, 40]) assert.equal(workingDaysBetween(from, addWorkingDays(from, n)), n, `${from} + ${n}`);
    }
  });

  it('refuses to guess outside the years with bank holiday data', () => {
    assert.throws(() => addWorkingDays('2028-12-28', 5), (error: unknown) => error instanceof CalendarNotCoveredError && /2029/.test(error.message));
    assert.throws(() => isWorkingDay('2024-06-03'), CalendarNotCoveredError);
  });
});

describe('dates', () => {
  it('turns an instant into the date in England, across BST', () => {
    assert.equal(londonDate(new Date('2026-03-29T23:30:00Z')), '2026-03-30', 'BST: already the 30th');
    assert.equal(londonDate(new Date('2026-12-31T23:30:00Z')), '2026-12-31', 'GMT');
    assert.equal(londonDate(new Date('2026-06-30T23:00:00Z')), '2026-07-01');
  });

  it('validates and formats dates', () => {
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-13-01'), false);
    assert.equal(formatDate('2026-12-28'), '28 December 2026');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2027-06-15', -12), '2026-06-15');
  });
});
