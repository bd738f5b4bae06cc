import { formatDate } from '../../services/domain/calendar/isoDate';
import { joinAnd } from '../../services/domain/rules/reason';
import { caseStatus, describeHolder, statusInfo, type CaseState } from '../../services/domain/workflow';
import { capitalise, clip } from './cardText';
import type { CardViewer } from './cardViewer';

/**
 * The top of every case card: what it is, which case, where the case is, who holds the next
 * action and by when — with the container's style saying at a glance whether all is well
 * (emphasis), late (attention), complete (good) or closed otherwise (warning).
 */
export interface CaseHeaderData {
  readonly title: string;
  readonly subtitle: string;
  readonly style: 'emphasis' | 'good' | 'attention' | 'warning';
  readonly where: string;
  readonly next: string;
  readonly due: string;
  readonly dueColor: 'Default' | 'Attention';
  readonly dueWeight: 'Default' | 'Bolder';
}

export function caseHeaderData(title: string, state: CaseState, viewer: CardViewer, now: Date): CaseHeaderData {
  const status = caseStatus(state, now);
  const ids = [state.reference, ...(state.nicNumber ? [state.nicNumber] : []), `applicant: ${state.people.applicant.name}`];
  const action = status.nextAction;
  const closed = state.stage === 'closed';
  const due = action?.due;
  // A reply due from the person reading the card is theirs: the signatory is not the applicant.
  const viewerHolds = action?.holders.some((holder) => holder.kind === 'person' && holder.id === viewer.id) ?? false;
  const reply = viewerHolds ? ' (your reply)' : ' (the applicant’s reply)';
  const dueFor = action?.dueFor === 'applicantReply' ? reply : action?.dueFor === 'cohortFile' ? ' (the cohort file)' : '';
  const dueText = !due ? '' : status.overdue
    ? `Overdue: due by ${formatDate(due)}${dueFor}, ${status.workingDaysOverdue} working ${status.workingDaysOverdue === 1 ? 'day' : 'days'} ago.`
    : `Due by ${formatDate(due)}${dueFor}.`;
  const closure = state.facts.closure;
  return {
    title,
    subtitle: ids.join(' · '),
    style: closed ? (state.status === 'accessArranged' ? 'good' : 'warning') : status.overdue ? 'attention' : 'emphasis',
    where: `${capitalise(statusInfo[state.status].now)}.`,
    next: action
      ? `Next: ${action.description}. Who: ${joinAnd(action.holders.map((holder) => (holder.kind === 'person' && holder.id === viewer.id ? 'you' : describeHolder(holder))))}.`
      : closure ? `Reason: ${clip(closure.reason, 500)}` : '',
    due: dueText,
    dueColor: status.overdue ? 'Attention' : 'Default',
    dueWeight: status.overdue ? 'Bolder' : 'Default',
  };
}
