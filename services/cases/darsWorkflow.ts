import { addWorkingDays, londonDate } from '../calendar';
import type { Enquiry } from '../enquiry/enquiry';
import type { CaseWorkflow } from './caseCommands';
import type { LoggedEvent } from './caseLog';
import type { ActorContext, SubmitEnquiryCommand } from './enquirySubmissions';

// INTERIM (replaced by services/workflow's decide/foldCase once it lands in this session):
// the enquiry submission only, so the foundation runs end to end on the real case log.

interface EnquirySubmittedEvent extends LoggedEvent {
  readonly type: 'enquirySubmitted';
  readonly reference: string;
  readonly enquiry: Enquiry;
}

export interface InterimCaseState {
  readonly reference: string;
  readonly stage: string;
  readonly status: string;
  readonly applicantId: string;
  readonly applicantName: string;
  readonly submittedAt: string;
  readonly enquiry: Enquiry;
  readonly due: string;
}

export const darsWorkflow: CaseWorkflow<InterimCaseState, SubmitEnquiryCommand, EnquirySubmittedEvent, ActorContext> = {
  fold(events) {
    const submitted = events[0];
    if (!submitted) return undefined;
    return {
      reference: submitted.reference,
      stage: 'enquiry',
      status: 'submitted',
      applicantId: submitted.actor.id,
      applicantName: submitted.actor.name,
      submittedAt: submitted.at,
      enquiry: submitted.enquiry,
      due: addWorkingDays(londonDate(new Date(submitted.at)), 5),
    };
  },
  decide(state, command, context) {
    if (state) return { outcome: 'refused', code: 'wrongStage', reason: 'This enquiry is already submitted.' };
    return {
      outcome: 'accepted',
      events: [
        {
          type: 'enquirySubmitted',
          at: context.now.toISOString(),
          actor: { id: context.actor.id, name: context.actor.name },
          activityId: context.activityId,
          reference: command.reference,
          enquiry: command.enquiry,
        },
      ],
      effects: [{ kind: 'postCard', channel: 'triage', card: 'enquiryReview' }],
    };
  },
  project(state) {
    return { stage: state.stage, status: state.status, applicantId: state.applicantId, nextActionHolder: 'staff', nextDeadline: state.due };
  },
};
