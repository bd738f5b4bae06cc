import type { Db } from 'mongodb';

import { formatDate } from '../calendar';
import type { Enquiry } from '../enquiry/enquiry';
import { caseStatus } from '../workflow';
import { nextCaseReference } from './caseReference';
import type { CaseLog } from './caseLog';
import type { DarsCaseCommands } from './darsWorkflow';

/**
 * Submitting an enquiry: a new case under a fresh DARS reference, whose first commit holds the
 * `enquirySubmitted` event and the outbox entry that posts the review card to the triage
 * channel. Idempotent on the key: a second Submit of the same enquiry returns the first case.
 */

export interface Applicant {
  readonly id: string;
  readonly name: string;
}

export interface SubmittedEnquiry {
  readonly reference: string;
  readonly nextStep: string;
}

export class EnquirySubmissions {
  constructor(
    private readonly db: Db,
    private readonly log: CaseLog,
    private readonly commands: DarsCaseCommands,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async submit(input: { enquiry: Enquiry; applicant: Applicant; activityId: string }): Promise<SubmittedEnquiry> {
    const now = this.clock();
    const earlier = await this.log.findByKey(input.activityId);
    const reference = earlier?.caseId ?? (await nextCaseReference(this.db, now));
    const result = await this.commands.execute(
      { type: 'submitEnquiry', reference, enquiry: input.enquiry },
      {
        caseId: reference,
        key: input.activityId,
        now,
        context: { actor: { ...input.applicant, roles: [] }, activityId: input.activityId, now },
      },
    );
    if (result.kind === 'refused') throw new Error(`The enquiry was refused: ${result.reason}`);
    if (!result.state) throw new Error(`Case ${reference} has no state after submission`);
    const due = caseStatus(result.state, now).nextAction?.due;
    return {
      reference: result.state.reference,
      nextStep:
        `The DARS team will review it and reply here${due ? ` by ${formatDate(due)}` : ''}: they may ask you a question, ` +
        'suggest another route, or accept it into preliminary assessment.',
    };
  }
}
