import type { IsoDate } from '../calendar/isoDate';
import type { Decision } from './decision';
import { refuse } from './decision';
import type { CaseEvent, DeadlineNoticeKind } from './events';
import type { PersonRef } from './roles';
import type { CaseState } from './state/caseState';

/**
 * The bot's own decision to send a deadline notice: a reminder before the next action's due
 * date, an escalation once it has passed. Pure, like every decision: the notice is recorded on
 * the case's history (one event) and its sending is an outbox effect, so a failed send is
 * retried by the delivery road and the history says what was sent. Not in the permission table:
 * no person issues it. A notice for a due date the case no longer has (it moved on, or closed)
 * is refused, so a late pass never reminds anyone of something already done.
 */
export const botActor: PersonRef = { id: 'dars-bot', name: 'DARS Bot' };

export function deadlineNotice(state: CaseState | undefined, notice: DeadlineNoticeKind, due: IsoDate, context: { now: Date; activityId: string }): Decision {
  const next = state?.nextAction;
  if (!state || state.stage === 'closed' || !next || next.due !== due) return refuse('conflict', 'The case no longer has this due date.');
  const envelope = { at: context.now.toISOString(), actor: botActor, activityId: context.activityId };
  return {
    outcome: 'accepted',
    events: [{ type: 'deadlineNoticeSent', notice, due, description: next.description, ...envelope }],
    effects: [{ kind: 'deadlineNotice', notice, due }],
  };
}

/**
 * Whether the case has moved on since a card showed `shownVersion`: some event after it other
 * than the bot's deadline notices, which only add to the history. So a reminder or escalation
 * never turns a card someone is about to click stale.
 */
export function movedOnSince(events: readonly CaseEvent[], shownVersion: number): boolean {
  if (shownVersion > events.length || shownVersion < 0) return true;
  return events.slice(shownVersion).some((event) => event.type !== 'deadlineNoticeSent');
}
