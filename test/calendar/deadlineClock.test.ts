import assert from 'node:assert/strict';
import { isLate, pauseClock, resumeClock, startClock, stopClock } from '../../services/domain/calendar/deadlineClock';

describe('stage deadline clock', () => {
  it('is due the target number of working days after the start', () => {
    const clock = startClock('enquiry', '2026-12-21', 5);
    assert.equal(clock.due, '2026-12-30');
    assert.equal(clock.state, 'running');
  });

  it('a pause over Christmas moves the due date by the working days paused', () => {
    const started = startClock('enquiry', '2026-12-21', 5); // due 30 Dec
    const paused = pauseClock(started, '2026-12-22', '2027-01-20');
    assert.equal(paused.state, 'paused');
    assert.equal(paused.respondBy, '2027-01-20');
    const { clock, pausedWorkingDays } = resumeClock(paused, '2027-01-04');
    // Paused (22 Dec, 4 Jan]: 23, 24, 29, 30, 31 Dec and 4 Jan = 6 working days.
    assert.equal(pausedWorkingDays, 6);
    assert.equal(clock.due, '2027-01-08');
    assert.equal(clock.state, 'running');
    assert.equal(clock.pausedOn, undefined);
    assert.equal(clock.pausedWorkingDays, 6);
  });

  it('pauses add up, and a same-day pause costs nothing', () => {
    let clock = startClock('assurance', '2026-06-01', 10); // due 15 June
    clock = resumeClock(pauseClock(clock, '2026-06-02'), '2026-06-02').clock;
    assert.equal(clock.due, '2026-06-15');
    clock = resumeClock(pauseClock(clock, '2026-06-03'), '2026-06-05').clock; // 4, 5 June
    assert.equal(clock.due, '2026-06-17');
    assert.equal(clock.pausedWorkingDays, 2);
  });

  it('is late only when running or stopped after the due date', () => {
    const clock = startClock('approval', '2026-06-01', 5); // due 8 June
    assert.equal(isLate(clock, '2026-06-08'), false);
    assert.equal(isLate(clock, '2026-06-09'), true);
    assert.equal(isLate(pauseClock(clock, '2026-06-02'), '2026-07-01'), false);
    assert.equal(isLate(stopClock(clock, '2026-06-05'), '2026-07-01'), false);
    assert.equal(isLate(stopClock(clock, '2026-06-10'), '2026-07-01'), true);
  });
});
