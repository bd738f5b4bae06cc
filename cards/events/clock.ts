import { formatDate } from '../../services/domain/calendar/isoDate';
import { plural } from '../../services/domain/rules/reason';
import type { StagePresentations } from './presentation';

const clockNames = {
  enquiry: 'enquiry', preliminaryAssessment: 'preliminary assessment', application: 'application',
  assurance: 'assurance', approval: 'approval', dsa: 'DSA', access: 'access',
} as const;

/** Deadlines: the clock is shown on the status card when it is asked for, and read in the history by staff. */
export const clockEvents = {
  clockStarted: {
    cards: 'none',
    // The clock is the bot's bookkeeping, shown on status; reminders and escalations are their own
    // outbox effect (deadlineNotice), so the notice event itself is silent here.
    notices: 'silent',
    history: (event) => `The ${clockNames[event.clock]} stage is due to finish by ${formatDate(event.due)} (${plural(event.targetWorkingDays, 'working day')}).`,
    readers: 'staff',
  },
  clockPaused: {
    cards: 'none',
    notices: 'silent',
    history: (event) => `The ${clockNames[event.clock]} deadline is paused while DARS waits for the applicant (reply due by ${formatDate(event.respondBy)}).`,
    readers: 'staff',
  },
  clockResumed: {
    cards: 'none',
    notices: 'silent',
    history: (event) => `The ${clockNames[event.clock]} deadline resumed after ${plural(event.pausedWorkingDays, 'working day')} paused; now due by ${formatDate(event.due)}.`,
    readers: 'staff',
  },
  clockStopped: {
    cards: 'none',
    notices: 'silent',
    history: (event) => `The ${clockNames[event.clock]} stage finished${event.late ? ` late (it was due by ${formatDate(event.due)})` : ' on time'}.`,
    readers: 'staff',
  },
  deadlineNoticeSent: {
    cards: 'none',
    notices: 'silent',
    history: (event, who) => event.notice === 'reminder'
      ? `${who} sent a reminder that “${event.description}” is due by ${formatDate(event.due)}.`
      : `${who} told DARS staff that “${event.description}” is overdue (it was due by ${formatDate(event.due)}).`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
