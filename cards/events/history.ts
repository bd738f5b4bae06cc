import { formatDate, londonDate } from '../../services/domain/calendar/isoDate';
import type { RulesConfig } from '../../services/domain/rules/config';
import { caseStatus, historyEntries, staffRoles, type CaseEvent, type CaseEventType, type CaseRole, type CaseState, type CaseStatusWithHistory } from '../../services/domain/workflow';
import { presentationOf } from './index';

/**
 * A case's history as a person on it reads it: one dated, plain-English line per event, each
 * event's `history` sentence from the presentation table (cards/events/<stage>.ts).
 *
 * Two views. **Staff** (any staff role, or the case's DARS contact) read every event in the
 * table's words. **The applicant's side** (applicant, invited members, the data controller
 * signatory) read what concerns them, without staff-only detail:
 * - no internal steps (`readers: 'staff'`): the deadline clocks, the bot's assurance-level
 *   recommendation, and early advice (asked of assurance by staff; whether to share it is the
 *   notice's call);
 * - no internal comments (`applicantWords`): a changed assurance level says the level, not staff's
 *   reason for it;
 * - staff are named only where the applicant deals with them: the DARS contact, and the
 *   signatories (whose names the DSA carries). Anyone else acting for DARS — triage staff,
 *   assurance, AGD and PAG reviewers, approvers — is "DARS" or the review body ("the
 *   Profession Advisory Group (PAG) supported the application"), never a reviewer's name.
 * The status card's timeline (cards/caseStatusCard.ts) and "status"/"history" in chat use it.
 * Pure: the chat layer quotes the lines (they hold people's words, e.g. a decline reason).
 */
export type HistoryView = 'staff' | 'applicant';

export interface HistoryLine {
  /** The instant of the event (ISO 8601), for cards that show a time too. */
  readonly at: string;
  /** "1 January 2027" (England). */
  readonly date: string;
  readonly what: string;
}

/** The event in the staff history's words: who did what. */
export function describeEvent(event: CaseEvent): string {
  return presentationOf<CaseEventType>(event.type).history(event, event.actor.name);
}

/** A case's status (services/domain/workflow/queries.ts) with its history in the staff's words. */
export function caseStatusWithHistory(state: CaseState, now: Date, rules?: RulesConfig): CaseStatusWithHistory {
  return { ...caseStatus(state, now, rules), history: historyEntries(state, describeEvent) };
}

/** Staff roles, or the case's DARS contact, read the full history; everyone else the applicant's view. */
export function historyViewFor(roles: readonly CaseRole[]): HistoryView {
  const staff: readonly CaseRole[] = [...staffRoles, 'darsContact'];
  return roles.some((role) => staff.includes(role)) ? 'staff' : 'applicant';
}

export function readableHistory(state: CaseState, view: HistoryView): HistoryLine[] {
  // Who the applicant's side deals with by name, found once for the whole history.
  const named = view === 'applicant' ? namedToApplicant(state) : new Set<string>();
  return state.history.flatMap((event) => {
    const what = view === 'staff' ? describeEvent(event) : applicantSentence(event, named);
    return what === undefined ? [] : [{ at: event.at, date: formatDate(londonDate(new Date(event.at))), what }];
  });
}

function applicantSentence(event: CaseEvent, named: ReadonlySet<string>): string | undefined {
  const presentation = presentationOf<CaseEventType>(event.type);
  if (presentation.readers === 'staff') return undefined;
  return presentation.applicantWords ? presentation.applicantWords(event) : presentation.history(event, named.has(event.actor.id) ? event.actor.name : 'DARS');
}

/** The people the applicant's side deals with, whose names it reads; anyone else acting for DARS is "DARS". */
function namedToApplicant(state: CaseState): Set<string> {
  const people = state.people;
  return new Set([
    people.applicant.id,
    ...people.members.map((member) => member.id),
    ...(people.dataControllerSignatory ? [people.dataControllerSignatory.id] : []),
    ...state.history.flatMap((event) => {
      if (event.type === 'darsContactAllocated') return [event.contact.id];
      if (event.type === 'dsaSigned' || event.type === 'dsaDeclined') return [event.actor.id];
      if (event.type === 'applicantMemberInvited') return [event.member.id];
      return [];
    }),
  ]);
}
