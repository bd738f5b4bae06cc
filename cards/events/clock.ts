import { type StagePresentations } from './presentation';

/** Deadlines: the clock is shown on the status card when it is asked for; reminders and escalations are their own outbox effect (deadlineNotice). */
export const clockEvents = {
  clockStarted: {
    cards: 'none',
  },
  clockPaused: {
    cards: 'none',
  },
  clockResumed: {
    cards: 'none',
  },
  clockStopped: {
    cards: 'none',
  },
  deadlineNoticeSent: {
    cards: 'none',
  },
} satisfies StagePresentations;
