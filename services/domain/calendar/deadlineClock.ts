import { compareDates, type IsoDate } from './isoDate';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar, englandAndWales } from './workingDays';

/**
 * A stage clock: a target in working days from the day the stage starts, paused while the case
 * waits on the applicant. Pausing does not lose time already used: on resume the due date moves
 * by exactly the working days spent paused (paused Monday, resumed Wednesday = 2 days later).
 * Pure values: the workflow records each change as an event carrying the computed dates, so
 * replaying history never depends on today's calendar configuration.
 */
export interface DeadlineClock {
  readonly name: string;
  readonly startedOn: IsoDate;
  readonly targetWorkingDays: number;
  /** The last working day on which the stage's work is on time. */
  readonly due: IsoDate;
  readonly state: 'running' | 'paused' | 'stopped';
  readonly pausedOn?: IsoDate;
  /** While paused: when the applicant's reply is due (a deadline for them, not for the stage). */
  readonly respondBy?: IsoDate;
  /** Working days spent paused so far, over every pause. */
  readonly pausedWorkingDays: number;
  readonly stoppedOn?: IsoDate;
}

export function startClock(name: string, on: IsoDate, targetWorkingDays: number, calendar: WorkingCalendar = englandAndWales): DeadlineClock {
  return { name, startedOn: on, targetWorkingDays, due: addWorkingDays(on, targetWorkingDays, calendar), state: 'running', pausedWorkingDays: 0 };
}

export function pauseClock(clock: DeadlineClock, on: IsoDate, respondBy?: IsoDate): DeadlineClock {
  if (clock.state !== 'running') return clock;
  return { ...clock, state: 'paused', pausedOn: on, ...(respondBy ? { respondBy } : {}) };
}

/** Resumes a paused clock; returns the clock and how many working days the pause lasted. */
export function resumeClock(clock: DeadlineClock, on: IsoDate, calendar: WorkingCalendar = englandAndWales): { clock: DeadlineClock; pausedWorkingDays: number } {
  if (clock.state !== 'paused' || clock.pausedOn === undefined) return { clock, pausedWorkingDays: 0 };
  const paused = Math.max(0, workingDaysBetween(clock.pausedOn, on, calendar));
  return {
    clock: { ...runningCopy(clock), due: addWorkingDays(clock.due, paused, calendar), pausedWorkingDays: clock.pausedWorkingDays + paused },
    pausedWorkingDays: paused,
  };
}

/** The clock without its pause fields, running. */
export function runningCopy(clock: DeadlineClock): DeadlineClock {
  const copy: { -readonly [K in keyof DeadlineClock]: DeadlineClock[K] } = { ...clock, state: 'running' };
  delete copy.pausedOn;
  delete copy.respondBy;
  return copy;
}

export function stopClock(clock: DeadlineClock, on: IsoDate): DeadlineClock {
  return { ...clock, state: 'stopped', stoppedOn: on };
}

/** Late means finished (or still open) after the due date; a paused clock is never late. */
export function isLate(clock: DeadlineClock, today: IsoDate): boolean {
  if (clock.state === 'paused') return false;
  const reference = clock.state === 'stopped' && clock.stoppedOn ? clock.stoppedOn : today;
  return compareDates(reference, clock.due) > 0;
}
