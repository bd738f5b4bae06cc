import { formatDate, londonDate } from '../calendar/isoDate';
import { reviewNames } from '../rules/reviews';
import { describeEvent } from './describeEvent';
import type { CaseEvent, CaseEventType } from './events';
import { staffRoles, type CaseRole } from './roles';
import type { CaseState } from './state/caseState';

/**
 * A case's history as a person on it reads it in chat: one dated, plain-English line per event.
 *
 * Two views. **Staff** (any staff role, or the case's DARS contact) read every event in the
 * workflow's own words (`describeEvent`). **The applicant's side** (applicant, invited members,
 * the data controller signatory) read what concerns them, without staff-only detail:
 * - no internal steps: the deadline clocks, the bot's assurance-level recommendation, and early
 *   advice (asked of assurance by staff; whether to share it is the notification rule's call);
 * - no internal comments: a changed assurance level says the level, not staff's reason for it;
 * - staff are named only where the applicant deals with them: the DARS contact, and the
 *   signatories (whose names the DSA carries). Anyone else acting for DARS — triage staff,
 *   assurance, AGD and PAG reviewers, approvers — is "DARS" or the review body ("the
 *   Profession Advisory Group (PAG) supported the application"), never a reviewer's name.
 * The status card's timeline uses the same views (cards/caseStatusCard.ts).
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

/**
 * Who reads each kind of event in the history: one entry per event type, so `tsc` makes a new
 * event say whether the applicant's side sees it (rather than showing it to them by default).
 */
const historyReaders: { readonly [T in CaseEventType]: 'everyone' | 'staff' } = {
  enquirySubmitted: 'everyone', informationRequested: 'everyone', informationProvided: 'everyone', enquiryDeclined: 'everyone', enquiryAccepted: 'everyone',
  preliminaryAssessmentRecorded: 'everyone', earlyAdviceRequested: 'staff', earlyAdviceGiven: 'staff', fundingConfirmed: 'everyone', readyToApply: 'everyone',
  assessmentNotSupported: 'everyone',
  darsContactAllocated: 'everyone', applicationSectionSaved: 'everyone', applicationSubmitted: 'everyone', amendmentsRequested: 'everyone',
  applicationResubmitted: 'everyone', applicationAccepted: 'everyone',
  assuranceLevelRecommended: 'staff', assuranceLevelConfirmed: 'everyone', reviewRecorded: 'everyone', additionalAssuranceProvided: 'everyone',
  assuranceCompleted: 'everyone', applicationApproved: 'everyone',
  dsaGenerated: 'everyone', dsaSignaturesLapsed: 'everyone', dsaSent: 'everyone', dsaSigned: 'everyone', dsaDeclined: 'everyone', dsaExecuted: 'everyone',
  serviceAgreementSigned: 'everyone', cohortFileDueSet: 'everyone', cohortFileReceived: 'everyone', accessArranged: 'everyone',
  evidenceAttached: 'everyone',
  applicantMemberInvited: 'everyone', applicantMemberRemoved: 'everyone', caseWithdrawn: 'everyone', caseClosed: 'everyone',
  clockStarted: 'staff', clockPaused: 'staff', clockResumed: 'staff', clockStopped: 'staff',
  deadlineNoticeSent: 'everyone',
};

const reviewDecisions = {
  supported: 'supported the application',
  supportedWithConditions: 'supported the application with conditions',
  additionalAssuranceNeeded: 'asked for additional assurance',
  notSupported: 'did not support the application',
} as const;

/** Staff roles, or the case's DARS contact, read the full history; everyone else the applicant's view. */
export function historyViewFor(roles: readonly CaseRole[]): HistoryView {
  const staff: readonly CaseRole[] = [...staffRoles, 'darsContact'];
  return roles.some((role) => staff.includes(role)) ? 'staff' : 'applicant';
}

export function readableHistory(state: CaseState, view: HistoryView): HistoryLine[] {
  return state.history.flatMap((event) => {
    const what = view === 'staff' ? describeEvent(event) : applicantSentence(event, state);
    return what === undefined ? [] : [{ at: event.at, date: formatDate(londonDate(new Date(event.at))), what }];
  });
}

function applicantSentence(event: CaseEvent, state: CaseState): string | undefined {
  if (historyReaders[event.type] === 'staff') return undefined;
  switch (event.type) {
    case 'reviewRecorded':
      return capitalise(`${reviewNames[event.review]} ${reviewDecisions[event.outcome.decision]}.`);
    case 'assuranceLevelConfirmed':
      return `DARS set the level of assurance: ${event.label}.`;
    default:
      return describeEvent({ ...event, actor: { id: event.actor.id, name: shownName(event.actor, state) } } as CaseEvent);
  }
}

/** The actor's name where the applicant's side deals with them, otherwise "DARS". */
function shownName(actor: CaseEvent['actor'], state: CaseState): string {
  const people = state.people;
  const named = [
    people.applicant.id,
    ...people.members.map((member) => member.id),
    people.dataControllerSignatory?.id,
    ...state.history.flatMap((event) => (event.type === 'darsContactAllocated' ? [event.contact.id] : [])),
    ...state.history.flatMap((event) => (event.type === 'dsaSigned' || event.type === 'dsaDeclined' ? [event.actor.id] : [])),
    ...state.history.flatMap((event) => (event.type === 'applicantMemberInvited' ? [event.member.id] : [])),
  ];
  return named.includes(actor.id) ? actor.name : 'DARS';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
