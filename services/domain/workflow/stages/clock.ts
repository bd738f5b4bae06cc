import { runningCopy } from '../../calendar/deadlineClock';
import type { Evolvers } from './handlers';

/**
 * The deadline clock's events. No command decides them: `clockPolicy.ts` reconciles the clock
 * after every decision, and the reminder worker records the notices it sent. The evolvers apply
 * the dates the decision computed; nothing here reads the calendar.
 */
export const clockEvolvers: Evolvers<'clockStarted' | 'clockPaused' | 'clockResumed' | 'clockStopped' | 'deadlineNoticeSent'> = {
  clockStarted: (state, event) => ({
    ...state,
    clock: { name: event.clock, startedOn: event.startedOn, targetWorkingDays: event.targetWorkingDays, due: event.due, state: 'running', pausedWorkingDays: 0 },
  }),
  clockPaused: (state, event) =>
    state.clock ? { ...state, clock: { ...state.clock, state: 'paused', pausedOn: event.pausedOn, respondBy: event.respondBy } } : state,
  clockResumed: (state, event) => {
    const clock = state.clock;
    if (!clock) return state;
    return { ...state, clock: { ...runningCopy(clock), name: clock.name, due: event.due, pausedWorkingDays: clock.pausedWorkingDays + event.pausedWorkingDays } };
  },
  clockStopped: (state, event) => (state.clock ? { ...state, clock: { ...state.clock, state: 'stopped', stoppedOn: event.stoppedOn } } : state),
  // History only: a notice changes nothing about where the case stands.
  deadlineNoticeSent: (state) => state,
};
