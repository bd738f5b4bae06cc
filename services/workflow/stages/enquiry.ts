import type { CommandOf, EnquiryCommand } from '../commands';
import { accept, type HandlerContext, type HandlerResult } from '../decision';
import { postCard, sendCard, updateCards } from '../effects';
import { personOf } from '../roles';
import type { CaseState } from '../state/caseState';

/** Stage 1, enquiry (DOMAIN.md): submit; DARS asks for more, declines, or accepts. */

export function submitEnquiry(command: CommandOf<'submitEnquiry'>, ctx: HandlerContext): HandlerResult {
  return accept(
    [{ type: 'enquirySubmitted', reference: command.reference, enquiry: command.enquiry, applicant: personOf(ctx.actor) }],
    [
      postCard('triage', 'enquiryReview'),
    ],
  );
}

export function decideEnquiry(state: CaseState, command: Exclude<EnquiryCommand, { type: 'submitEnquiry' }>): HandlerResult {
  const requests = state.facts.informationRequests;
  switch (command.type) {
    case 'requestInformation':
      return accept(
        [{ type: 'informationRequested', requestNumber: requests.length + 1, question: command.question }],
        [
          updateCards('enquiryReview'),
          sendCard('applicant', 'informationRequest'),
        ],
      );
    case 'answerInformationRequest': {
      // The status guarantees an open question: the last one asked.
      const open = requests[requests.length - 1];
      return accept(
        [{ type: 'informationProvided', requestNumber: open?.requestNumber ?? requests.length, answer: command.answer }],
        [updateCards('enquiryReview', 'informationRequest')],
      );
    }
    case 'declineEnquiry':
      return accept(
        [{ type: 'enquiryDeclined', reason: command.reason, alternatives: command.alternatives }],
        [
          updateCards('enquiryReview', 'informationRequest'),
          sendCard('applicantTeam', 'caseStatus'),
        ],
      );
    case 'acceptEnquiry':
      return accept(
        [{ type: 'enquiryAccepted' }],
        [
          updateCards('enquiryReview'),
          postCard('triage', 'preliminaryAssessment'),
        ],
      );
  }
}
