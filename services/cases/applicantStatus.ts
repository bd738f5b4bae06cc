import { formatDate } from '../calendar';
import { caseStatus, describeHolder, type CaseState } from '../workflow';
import { evidenceStatusLine } from '../workflow/state/evidenceChecklist';
import type { CaseDesk } from './caseDesk';

/** "status" in chat: every case the person is on, where it stands, who has the next step, what is due. */
export class ApplicantStatus {
  constructor(
    private readonly desk: Pick<CaseDesk, 'casesFor'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async describeCasesFor(person: { id: string }): Promise<string> {
    const cases = await this.desk.casesFor(person.id);
    if (cases.length === 0) return 'You have no DARS cases yet. Say **new enquiry** to start one.';
    return cases.map((state) => describeCase(state, person.id, this.clock())).join('\n\n');
  }
}

export function describeCase(state: CaseState, viewerId: string, now: Date): string {
  const status = caseStatus(state, now);
  const where = status.where.charAt(0).toUpperCase() + status.where.slice(1);
  const title = `**${status.reference}**${status.nicNumber ? ` (${status.nicNumber})` : ''}: ${where}.`;
  const next = status.nextAction;
  if (!next) return title;
  const holders = next.holders.map((holder) => (holder.kind === 'person' && holder.id === viewerId ? 'you' : describeHolder(holder)));
  const due = next.due ? `, due by ${formatDate(next.due)}${status.overdue ? ' (overdue)' : ''}` : '';
  return `${title} Next: ${next.description} (${holders.join(', ') || 'DARS'})${due}.${evidenceStatusLine(state)}`;
}
