import { compareDates, londonDate, type IsoDate } from '../calendar/isoDate';
import { addWorkingDays, workingCalendar, workingDaysBetween } from '../calendar/workingDays';
import type { RulesConfig } from '../rules/config';
import { defaultRules } from '../rules/defaultRules';
import { roleNames } from './roles';
import type { CaseEvent } from './events';
import type { ActionHolder, CaseState, NextAction } from './state/caseState';
import { stageNames, statusInfo, type CaseStage, type CaseStatus } from './statuses';

/** Read-only questions about a case, for the status card, reminders and the staff queues. */

export interface HistoryEntry {
  readonly at: string;
  readonly who: string;
  readonly what: string;
}

export interface CaseStatusView {
  readonly reference: string;
  readonly nicNumber?: string;
  readonly stage: CaseStage;
  readonly stageName: string;
  readonly status: CaseStatus;
  /** "at assurance, with reviews in progress". */
  readonly where: string;
  readonly nextAction?: NextAction;
  /** When to remind the holders; absent when nothing is due. */
  readonly remindOn?: IsoDate;
  readonly overdue: boolean;
  /** Working days past `nextAction.due` (0 when not overdue). */
  readonly workingDaysOverdue: number;
  readonly version: number;
}

/** A status with the case's history in words. */
export interface CaseStatusWithHistory extends CaseStatusView {
  readonly history: readonly HistoryEntry[];
}

/**
 * The case's history, one entry per event, in the words `describe` gives: the words are
 * presentation (the presentation table, cards/events), so the caller passes them in.
 */
export function historyEntries(state: CaseState, describe: (event: CaseEvent) => string): HistoryEntry[] {
  return state.history.map((event) => ({ at: event.at, who: event.actor.name, what: describe(event) }));
}

/** When to remind: a few working days before the due date (5 for the cohort file, DOMAIN.md). */
export function reminderDate(nextAction: NextAction | undefined, rules: RulesConfig = defaultRules): IsoDate | undefined {
  if (!nextAction?.due) return undefined;
  const lead = nextAction.dueFor === 'cohortFile' ? rules.clocks.cohortFileReminderWorkingDays : rules.clocks.reminderLeadWorkingDays;
  return addWorkingDays(nextAction.due, -lead, workingCalendar(rules.calendar));
}

export function isOverdue(state: CaseState, now: Date): boolean {
  const due = state.nextAction?.due;
  return due !== undefined && compareDates(londonDate(now), due) > 0;
}

export function caseStatus(state: CaseState, now: Date, rules: RulesConfig = defaultRules): CaseStatusView {
  const overdue = isOverdue(state, now);
  const due = state.nextAction?.due;
  const remindOn = reminderDate(state.nextAction, rules);
  return {
    reference: state.reference,
    ...(state.nicNumber ? { nicNumber: state.nicNumber } : {}),
    stage: state.stage,
    stageName: stageNames[state.stage],
    status: state.status,
    where: statusInfo[state.status].now,
    ...(state.nextAction ? { nextAction: state.nextAction } : {}),
    ...(remindOn ? { remindOn } : {}),
    overdue,
    workingDaysOverdue: overdue && due ? workingDaysBetween(due, londonDate(now), workingCalendar(rules.calendar)) : 0,
    version: state.version,
  };
}

/** "Dana Smith", "an approver": who holds an action, in words. */
export function describeHolder(holder: ActionHolder): string {
  return holder.kind === 'person' ? holder.name : roleNames[holder.role];
}

/**
 * The fields the store keeps beside each case for the queues people ask for (by stage and
 * status, by DARS contact, by applicant, by next deadline) — derived here so every writer
 * indexes the same way.
 */
export interface CaseIndexFields {
  readonly reference: string;
  readonly stage: CaseStage;
  readonly status: CaseStatus;
  readonly open: boolean;
  readonly applicantId: string;
  readonly memberIds: readonly string[];
  readonly darsContactId?: string;
  readonly nextDue?: IsoDate;
  /** When the deadline reminder is due (a few working days before `nextDue`). */
  readonly remindOn?: IsoDate;
  readonly holderRoles: readonly string[];
  readonly holderIds: readonly string[];
}

export function caseIndexFields(state: CaseState, rules: RulesConfig = defaultRules): CaseIndexFields {
  const holders = state.nextAction?.holders ?? [];
  const remindOn = reminderDate(state.nextAction, rules);
  return {
    reference: state.reference,
    stage: state.stage,
    status: state.status,
    open: state.stage !== 'closed',
    applicantId: state.people.applicant.id,
    memberIds: state.people.members.map((member) => member.id),
    ...(state.people.darsContact ? { darsContactId: state.people.darsContact.id } : {}),
    ...(state.nextAction?.due ? { nextDue: state.nextAction.due } : {}),
    ...(remindOn ? { remindOn } : {}),
    holderRoles: holders.flatMap((holder) => (holder.kind === 'role' ? [holder.role] : [])),
    holderIds: holders.flatMap((holder) => (holder.kind === 'person' ? [holder.id] : [])),
  };
}
