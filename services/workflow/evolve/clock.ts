import { runningCopy } from '../../calendar/deadlineClock';
import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';

type ClockEvent = EventOf<'clockStarted' | 'clockPaused' | 'clockResumed' | 'clockStopped'>;

/** Applies the dates the decision computed; nothing here reads the calendar. */
export function evolveClock(state: CaseState, event: ClockEvent): CaseState {
  const clock = state.clock;
  switch (event.type) {
    case 'clockStarted':
      return {
        ...state,
        clock: { name: event.clock, startedOn: event.startedOn, targetWorkingDays: event.targetWorkingDays, due: event.due, state: 'running', pausedWorkingDays: 0 },
      };
    case 'clockPaused':
      return clock ? { ...state, clock: { ...clock, state: 'paused', pausedOn: event.pausedOn, respondBy: event.respondBy } } : state;
    case 'clockResumed': {
      if (!clock) return state;
      return { ...state, clock: { ...runningCopy(clock), name: clock.name, due: event.due, pausedWorkingDays: clock.pausedWorkingDays + event.pausedWorkingDays } };
    }
    case 'clockStopped':
      return clock ? { ...state, clock: { ...clock, state: 'stopped', stoppedOn: event.stoppedOn } } : state;
  }
}
