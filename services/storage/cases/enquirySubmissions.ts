import type { Db } from 'mongodb';

import { formatDate } from '../../domain/calendar';
import type { Enquiry } from '../../domain/enquiry/enquiry';
import { caseStatus } from '../../domain/workflow';
import { isDuplicateKey } from '../database/duplicateKey';
import { nextCaseReference } from './caseReference';
import type { CaseLog } from './caseLog';
import type { DarsCaseCommands } from './darsWorkflow';

/**
 * Submitting an enquiry: a new case under a fresh DARS reference, whose first commit holds the
 * `enquirySubmitted` event and the outbox entry that posts the review card to the triage
 * channel. Keyed, like every decision, by the Teams activity id of the Submit (so the history
 * names the activity that caused it, and Teams' retry of it returns the first outcome). A second
 * Submit of the same draft (another click, another activity) must not open a second case: the
 * draft claims its reference once, by inserting `enquiryDrafts/<draft id>`, and a submission on
 * a case that already exists is the same enquiry, already submitted.
 */

export interface Applicant {
  readonly id: string;
  readonly name: string;
}

interface DraftClaim {
  _id: string;
  reference: string;
  claimedAt: Date;
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

  async submit(input: { enquiry: Enquiry; applicant: Applicant; activityId: string; draftId: string }): Promise<SubmittedEnquiry> {
    const now = this.clock();
    const earlier = await this.log.findByKey(input.activityId);
    const reference = earlier?.caseId ?? (await this.referenceFor(input.draftId, now));
    const result = await this.commands.execute(
      { type: 'submitEnquiry', reference, enquiry: input.enquiry },
      {
        caseId: reference,
        key: input.activityId,
        now,
        context: { actor: { ...input.applicant, roles: [] }, activityId: input.activityId, now },
      },
    );
    const sameDraft = result.kind === 'refused' && result.state?.people.applicant.id === input.applicant.id;
    if (result.kind === 'refused' && !sameDraft) throw new Error(`The enquiry was refused: ${result.reason}`);
    if (!result.state) throw new Error(`Case ${reference} has no state after submission`);
    const due = caseStatus(result.state, now).nextAction?.due;
    return {
      reference: result.state.reference,
      nextStep:
        `The DARS team will review it and reply here${due ? ` by ${formatDate(due)}` : ''}: they may ask you a question, ` +
        'suggest another route, or accept it into preliminary assessment.',
    };
  }

  /** The draft's case reference: taken once, whichever Submit of the draft comes first. */
  private async referenceFor(draftId: string, now: Date): Promise<string> {
    const drafts = this.db.collection<DraftClaim>('enquiryDrafts');
    const claimed = await drafts.findOne({ _id: draftId });
    if (claimed) return claimed.reference;
    const reference = await nextCaseReference(this.db, now);
    try {
      await drafts.insertOne({ _id: draftId, reference, claimedAt: now });
      return reference;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // Another Submit of this draft claimed first (the reference we took stays unused).
    const winner = await drafts.findOne({ _id: draftId });
    if (!winner) throw new Error('The enquiry draft was claimed and then lost');
    return winner.reference;
  }
}
