import type { IsoDate } from '../calendar/isoDate';
import type { WorkingCalendar } from '../calendar/workingDays';
import type { RulesConfig } from '../rules/config';
import type { OutboxEffect } from './effects';
import type { CaseEvent, CaseEventBody } from './events';
import type { Actor, CaseRole } from './roles';

/**
 * The contract of `decide`: a command is either accepted — events to append and effects to
 * deliver — or refused with a code for programs and a sentence for people.
 */
export type RefusalCode =
  /** The actor does not hold a role that may do this (or is on the applicant's side of the case). */
  | 'forbidden'
  /** Right person, wrong moment: the case is not at a status where this is possible. */
  | 'wrongStage'
  /** The command is malformed, or its content breaks a rule (the reason says which). */
  | 'invalid'
  /** The case has moved on: someone else already did this, or the document shown is not current. */
  | 'conflict'
  /** No case exists for this command. */
  | 'notFound'
  /** DARS Bot's configuration cannot answer (e.g. bank holidays for a year not yet listed). */
  | 'unavailable';

export interface Refusal {
  readonly outcome: 'refused';
  readonly code: RefusalCode;
  /** A sentence a person understands: who may do this, when, and what to do instead. */
  readonly reason: string;
}

export interface Acceptance {
  readonly outcome: 'accepted';
  /** In order; the first has version `state.version + 1`. Never empty. */
  readonly events: CaseEvent[];
  readonly effects: OutboxEffect[];
}

export type Decision = Acceptance | Refusal;

export interface DecisionContext {
  readonly actor: Actor;
  /** The Teams activity id: stamped on every event, and the store's idempotency key. */
  readonly activityId: string;
  /** The decision's time. The workflow never reads the clock itself. */
  readonly now: Date;
  /** Defaults to `defaultRules`. */
  readonly rules?: RulesConfig;
}

/** What a stage handler sees: the context, resolved. */
export interface HandlerContext {
  readonly actor: Actor;
  readonly now: Date;
  /** The date in England at `now`. */
  readonly today: IsoDate;
  readonly rules: RulesConfig;
  readonly calendar: WorkingCalendar;
  /** The actor's roles on this case. */
  readonly roles: readonly CaseRole[];
}

export type HandlerResult = { readonly outcome: 'accepted'; readonly events: CaseEventBody[]; readonly effects: OutboxEffect[] } | Refusal;

export function accept(events: CaseEventBody[], effects: OutboxEffect[] = []): HandlerResult {
  return { outcome: 'accepted', events, effects };
}

export function refuse(code: RefusalCode, reason: string): Refusal {
  return { outcome: 'refused', code, reason };
}
