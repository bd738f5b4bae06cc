import type { Db } from 'mongodb';

import { addWorkingDays, formatDate, londonDate } from '../calendar';
import type { Enquiry } from '../enquiry/enquiry';
import { nextCaseReference } from './caseReference';
import type { CaseDocument, CaseStore } from './caseStore';
import { newOutboxEntry } from './outbox';

/**
 * Submitting an enquiry: a new case with a DARS reference, its first event, and the outbox entry
 * that posts the review card to the triage channel, in one insert. Idempotent on the key: a
 * second Submit of the same enquiry returns the case the first one made.
 */

export interface EnquiryApplicant {
  readonly id: string;
  readonly name: string;
}

export interface SubmittedEnquiry {
  readonly reference: string;
  readonly nextStep: string;
}

const enquiryReviewWorkingDays = 5;

export class EnquirySubmissions {
  constructor(
    private readonly db: Db,
    private readonly store: CaseStore,
    private readonly onOutboxWritten: () => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async submit(input: { enquiry: Enquiry; applicant: EnquiryApplicant; activityId: string }): Promise<SubmittedEnquiry> {
    const earlier = await this.store.findByCommandKey(input.activityId);
    if (earlier) return this.describe(earlier);

    const now = this.clock();
    const reference = await nextCaseReference(this.db, now);
    const due = addWorkingDays(londonDate(now), enquiryReviewWorkingDays);
    const created = await this.store.create({
      caseId: reference,
      key: input.activityId,
      now,
      events: [
        {
          type: 'enquirySubmitted',
          at: now.toISOString(),
          actor: input.applicant,
          activityId: input.activityId,
          reference,
          enquiry: input.enquiry,
        },
      ],
      projection: { stage: 'enquiry', status: 'submitted', applicantId: input.applicant.id, nextActionHolder: 'staff', nextDeadline: due },
      outbox: [newOutboxEntry({ kind: 'postCard', channel: 'triage', card: 'enquiryReview' }, now)],
    });
    if (created) this.onOutboxWritten();
    const stored = created ? await this.store.get(reference) : await this.store.findByCommandKey(input.activityId);
    return this.describe(stored!);
  }

  private describe(stored: CaseDocument): SubmittedEnquiry {
    const due = stored.nextDeadline ? ` by ${formatDate(stored.nextDeadline)}` : '';
    return {
      reference: stored._id,
      nextStep:
        `The DARS team will review it and reply here${due} (${enquiryReviewWorkingDays} working days): they may ask you ` +
        'a question, suggest another route, or accept it into preliminary assessment.',
    };
  }
}
