import { londonDate } from '../calendar/isoDate';
import { CalendarNotCoveredError, workingCalendar } from '../calendar/workingDays';
import { defaultRules } from '../rules/defaultRules';
import { reconcileClock } from './clockPolicy';
import { parseCommand, type CaseCommand } from './commands';
import { refuse, type Decision, type DecisionContext, type HandlerContext } from './decision';
import type { OutboxEffect } from './effects';
import type { CaseEvent, CaseEventBody, EventEnvelope } from './events';
import { evolve } from './evolve';
import { checkPermission, permissionKey } from './permissions';
import { canRead, noSuchCase } from './readPermissions';
import { personOf } from './roles';
import { rolesOnCase } from './rolesOnCase';
import { decideCommand } from './stages';
import type { CaseState } from './state/caseState';

/**
 * The workflow's one entry point: decide(case, command, context) → events and effects, or a
 * refusal. Pure: no I/O, no clock (time is `context.now`), the same answer for the same input,
 * so the store can re-run it on a fresh case after a version conflict.
 *
 * Order: the command is parsed (a malformed one is refused naming the field), the read table
 * (someone who may not see the case is answered as if it did not exist), the permission
 * table is consulted (who, at which status), the stage decides (its own rules: the command's
 * decider, stages/), and the deadline clock is reconciled with where the case now stands. Which
 * cards show what happened, and who is told, is presentation, outside the workflow (cards/events).
 */
export function decide(state: CaseState | undefined, command: CaseCommand, context: DecisionContext): Decision {
  const parsed = parseCommand(command);
  if (!parsed.ok) return refuse('invalid', parsed.problem);
  const valid = parsed.command;
  if (!state && valid.type !== 'submitEnquiry') return refuse('notFound', noSuchCase);

  const roles = rolesOnCase(context.actor, state);
  // Someone who may not see the case learns nothing from trying: the same answer as no case.
  if (state && !canRead(state, roles)) return refuse('notFound', noSuchCase);
  const permission = checkPermission(permissionKey(valid), state, roles);
  if ('outcome' in permission) return permission;

  const rules = context.rules ?? defaultRules;
  const ctx: HandlerContext = {
    actor: context.actor,
    now: context.now,
    today: londonDate(context.now),
    rules,
    calendar: workingCalendar(rules.calendar),
    roles,
  };
  try {
    const result = decideCommand(state, valid, ctx);
    if (result.outcome === 'refused') return result;
    const envelope: EventEnvelope = { at: context.now.toISOString(), actor: personOf(context.actor), activityId: context.activityId };
    const stamp = (body: CaseEventBody): CaseEvent => ({ ...body, ...envelope });
    const events = result.events.map(stamp);
    const after = events.reduce<CaseState | undefined>(evolve, state);
    const clockEvents = after ? reconcileClock(after, ctx).map(stamp) : [];
    const all = [...events, ...clockEvents];
    // One notice effect per decision: its delivery tells each person concerned once (bot/notices).
    const first = (state?.version ?? 0) + 1;
    const notices: OutboxEffect = { kind: 'eventNotices', firstVersion: first, lastVersion: first + all.length - 1 };
    return { outcome: 'accepted', events: all, effects: [...result.effects, notices] };
  } catch (error) {
    // A deadline beyond the years the calendar lists: say so rather than guess a date.
    if (error instanceof CalendarNotCoveredError) return refuse('unavailable', `DARS Bot cannot set deadlines yet: ${error.message}`);
    throw error;
  }
}

