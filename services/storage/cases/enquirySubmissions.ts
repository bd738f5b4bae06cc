import type { Db } from 'mongodb';

import { formatDate } from '../../domain/calendar';
import type { Enquiry } from '../../domain/enquiry/enquiry';
import { caseStatus } from '../../domain/workflow';
import { isDuplicateKey } from '../database/duplicateKey';
import { nextCaseReference } from './caseReference';
import { genesisHash } from './commitChain';
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
    private readonly commands: DarsCaseCommands,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async submit(input: { enquiry: Enquiry; applicant: Applicant; activityId: string; draftId: string }): Promise<SubmittedEnquiry> {
    const now = this.clock();
    // No look for an earlier outcome of this activity first: a retried Submit is of the same
    // draft, so it finds the draft's reference, and the commit's key returns the first outcome.
    const { reference, fresh } = await this.referenceFor(input.draftId, now);
    const result = await this.commands.execute(
      { type: 'submitEnquiry', reference, enquiry: input.enquiry },
      {
        caseId: reference,
        key: input.activityId,
        now,
        context: { actor: { ...input.applicant, roles: [] }, activityId: input.activityId, now },
        // A reference claimed just now has no case yet: decide without reading its (empty) log.
        // Were one there after all, the commit's insert would collide and the case be read.
        ...(fresh ? { loaded: { state: undefined, version: 0, head: genesisHash, events: [] } } : {}),
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

  /**
   * The draft's case reference: taken once, whichever Submit of the draft comes first; `fresh`
   * when this call took it (a new reference, so no case has it yet).
   */
  private async referenceFor(draftId: string, now: Date): Promise<{ reference: string; fresh: boolean }> {
    const drafts = this.db.collection<DraftClaim>('enquiryDrafts');
    const claimed = await drafts.findOne({ _id: draftId });
    if (claimed) return { reference: claimed.reference, fresh: false };
    const reference = await nextCaseReference(this.db, now);
    try {
      await drafts.insertOne({ _id: draftId, reference, claimedAt: now });
      return { reference, fresh: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // Another Submit of this draft claimed first (the reference we took stays unused).
    const winner = await drafts.findOne({ _id: draftId });
    if (!winner) throw new Error('The enquiry draft was claimed and then lost');
    return { reference: winner.reference, fresh: false };
  }
}
