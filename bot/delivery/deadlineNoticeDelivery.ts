import { formatDate } from '../../services/domain/calendar';
import { plainInMarkdown } from '../../services/domain/text/markdownText';
import { describeHolder, type CaseRole, type CaseState, type DeadlineNoticeKind, type Recipient } from '../../services/domain/workflow';
import { resolveRecipient, type Target } from './recipients';
import type { StaffDirectory } from '../staff/staffDirectory';

/**
 * What a deadline notice says and to whom, rendered when the road delivers it: a reminder to
 * every holder of the next action, an escalation to the triage channel. A notice whose due date
 * the case no longer has (the work was done meanwhile) is not sent.
 */
export interface DeadlineMessage {
  readonly targets: readonly Target[];
  readonly text: string;
}

export async function deadlineMessage(state: CaseState, notice: DeadlineNoticeKind, due: string, staff: StaffDirectory): Promise<DeadlineMessage | undefined> {
  const next = state.nextAction;
  if (state.stage === 'closed' || !next || next.due !== due) return undefined;
  if (notice === 'escalation') {
    const holders = plainInMarkdown(next.holders.map(describeHolder).join(', '));
    return { targets: [{ kind: 'channel', channel: 'triage' }], text: `**${state.reference} is overdue**: "${plainInMarkdown(next.description)}" (${holders}) was due by ${formatDate(due)}.` };
  }
  const targets: Target[] = [];
  for (const holder of next.holders) {
    targets.push(...(holder.kind === 'person' ? [{ kind: 'person' as const, id: holder.id }] : await resolveRecipient(recipientOfRole(holder.role), state, staff)));
  }
  return { targets, text: `**${state.reference}**: a reminder that "${plainInMarkdown(next.description)}" is due by ${formatDate(due)}. Say **status** for the details.` };
}

/** Case-bound roles are the case's people; staff roles are whoever the directory lists. */
function recipientOfRole(role: CaseRole): Recipient {
  if (role === 'applicantMember') return 'applicantTeam';
  if (role === 'applicant' || role === 'darsContact' || role === 'dataControllerSignatory') return role;
  return { role };
}
