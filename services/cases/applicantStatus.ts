import { formatDate } from '../calendar';
import type { CaseDocument, CaseStore } from './caseStore';

/** "status" for an applicant: every case they own, where it stands and what happens next. */

const stageNames: Record<string, string> = {
  enquiry: 'Enquiry',
  preliminaryAssessment: 'Preliminary assessment',
  application: 'Application',
  assurance: 'Assurance',
  approval: 'Approval',
  dsa: 'Data Sharing Agreement',
  access: 'Access',
  closed: 'Closed',
};

const holderNames: Record<string, string> = {
  staff: 'the DARS team',
  applicant: 'you',
};

export class ApplicantStatus {
  constructor(private readonly store: CaseStore) {}

  async describeCasesFor(person: { id: string }): Promise<string> {
    const cases = await this.store.forApplicant(person.id);
    if (cases.length === 0) return 'You have no DARS cases yet. Say **new enquiry** to start one.';
    return cases.map(describeCase).join('\n\n');
  }
}

export function describeCase(stored: CaseDocument): string {
  const submitted = stored.events[0]?.at ? ` since ${formatDate(stored.events[0].at.slice(0, 10))}` : '';
  const holder = stored.nextActionHolder ? holderNames[stored.nextActionHolder] ?? stored.nextActionHolder : undefined;
  const due = stored.nextDeadline ? `, due by ${formatDate(stored.nextDeadline)}` : '';
  const next = holder ? ` Next: ${holder === 'you' ? 'over to you' : `with ${holder}`}${due}.` : '';
  return `**${stored._id}**: ${stageNames[stored.stage] ?? stored.stage} (${stored.status})${submitted}.${next}`;
}
