import { formatDate } from '../calendar';
import type { CaseIndex, CaseRecord } from './caseIndex';

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
  constructor(private readonly index: CaseIndex) {}

  async describeCasesFor(person: { id: string }): Promise<string> {
    const cases = await this.index.forApplicant(person.id);
    if (cases.length === 0) return 'You have no DARS cases yet. Say **new enquiry** to start one.';
    return cases.map(describeCase).join('\n\n');
  }
}

export function describeCase(record: CaseRecord): string {
  const since = ` since ${formatDate(record.createdAt.toISOString().slice(0, 10))}`;
  const holder = record.nextActionHolder ? (holderNames[record.nextActionHolder] ?? record.nextActionHolder) : undefined;
  const due = record.nextDeadline ? `, due by ${formatDate(record.nextDeadline)}` : '';
  const next = holder ? ` Next: ${holder === 'you' ? 'over to you' : `with ${holder}`}${due}.` : '';
  return `**${record._id}**: ${stageNames[record.stage] ?? record.stage} (${record.status})${since}.${next}`;
}
