import type { Db } from 'mongodb';

import { formatDate } from '../calendar';
import type { Enquiry } from '../enquiry/enquiry';
import { nextCaseReference } from './caseReference';
import type { CaseCommands } from './caseCommands';
import type { CaseIndex, CaseRecord } from './caseIndex';
import type { CaseLog } from './caseLog';

/**
 * Submitting an enquiry: a new case under a fresh DARS reference, whose first commit holds the
 * `enquirySubmitted` event and the outbox entry that posts the review card to the triage
 * channel. Idempotent on the key: a second Submit of the same enquiry returns the first case.
 */

export interface Applicant {
  readonly id: string;
  readonly name: string;
}

export interface SubmitEnquiryCommand {
  readonly type: 'submitEnquiry';
  readonly reference: string;
  readonly enquiry: Enquiry;
}

export interface ActorContext {
  readonly actor: Applicant & { readonly roles: readonly string[] };
  readonly activityId: string;
  readonly now: Date;
}

export interface SubmittedEnquiry {
  readonly reference: string;
  readonly nextStep: string;
}

export class EnquirySubmissions<S> {
  constructor(
    private readonly db: Db,
    private readonly log: CaseLog,
    private readonly index: CaseIndex<S>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    private readonly commands: CaseCommands<S, any, any, ActorContext>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async submit(input: { enquiry: Enquiry; applicant: Applicant; activityId: string }): Promise<SubmittedEnquiry> {
    const earlier = await this.log.findByKey(input.activityId);
    const now = this.clock();
    const reference = earlier?.caseId ?? (await nextCaseReference(this.db, now));
    const command: SubmitEnquiryCommand = { type: 'submitEnquiry', reference, enquiry: input.enquiry };
    const result = await this.commands.execute(command, {
      caseId: reference,
      key: input.activityId,
      now,
      context: { actor: { ...input.applicant, roles: [] }, activityId: input.activityId, now },
    });
    if (result.kind === 'refused') throw new Error(`The enquiry was refused: ${result.reason}`);
    const record = await this.index.get(result.kind === 'replayed' ? (await this.log.findByKey(input.activityId))!.caseId : reference);
    return describeSubmission(record!);
  }
}

function describeSubmission(record: CaseRecord<unknown>): SubmittedEnquiry {
  const due = record.nextDeadline ? ` by ${formatDate(record.nextDeadline)}` : '';
  return {
    reference: record._id,
    nextStep:
      `The DARS team will review it and reply here${due}: they may ask you a question, suggest another route, ` +
      'or accept it into preliminary assessment.',
  };
}
