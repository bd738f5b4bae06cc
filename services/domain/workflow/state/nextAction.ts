import { formatDate } from '../../calendar/isoDate';
import { joinAnd } from '../../rules/reason';
import { reviewNames } from '../../rules/reviews';
import type { CaseRole, PersonRef } from '../roles';
import { remainingAccessItems } from './accessItems';
import type { ActionHolder, CaseState, NextAction } from './caseState';

/**
 * What must happen next, who holds it and by when — derived from the state after every event,
 * so the status card, the queues and the reminders all read the same answer.
 */
const role = (name: CaseRole): ActionHolder => ({ kind: 'role', role: name });
const person = (who: PersonRef): ActionHolder => ({ kind: 'person', id: who.id, name: who.name });

type Action = { description: string; holders: ActionHolder[] };

function actionFor(state: CaseState): Action | undefined {
  const applicant = person(state.people.applicant);
  const contact = state.people.darsContact ? person(state.people.darsContact) : role('staff');
  const assurance = state.facts.assurance;
  switch (state.status) {
    case 'new':
      return undefined;
    case 'enquiryUnderReview':
      return { description: 'Review the enquiry: accept it, decline it, or ask the applicant a question', holders: [role('staff')] };
    case 'awaitingEnquiryInformation':
      return { description: 'Answer DARS’s question about the enquiry', holders: [applicant] };
    case 'assessing':
      return { description: 'Record the preliminary assessment', holders: [role('staff')] };
    case 'awaitingEarlyAdvice':
      return { description: 'Give early advice on the proposed use of data', holders: [role('assurance')] };
    case 'awaitingFundingConfirmation':
      return { description: 'Confirm the source of funding and the payment details', holders: [applicant] };
    case 'assessmentComplete':
      return { description: 'Decide whether the case is ready to apply or not supported', holders: [role('staff')] };
    case 'awaitingDarsContact':
      return { description: 'Take the case as its DARS contact', holders: [role('staff')] };
    case 'drafting':
      return { description: 'Complete and submit the application', holders: [applicant] };
    case 'underAcceptanceReview':
      return { description: 'Review the application: accept it or request amendments', holders: [contact] };
    case 'amendmentsRequested':
      return { description: 'Amend the application and resubmit it', holders: [applicant] };
    case 'levelToConfirm':
      return { description: `Confirm the assurance level (recommended: ${assurance?.recommended.label ?? 'see the card'})`, holders: [contact] };
    case 'inReview': {
      const pending = Object.values(assurance?.reviews ?? {}).filter((review) => review.state === 'pending');
      return { description: `Complete the open reviews: ${joinAnd(pending.map((review) => reviewNames[review.review]))}`, holders: pending.map((review) => role(review.review)) };
    }
    case 'awaitingAdditionalAssurance': {
      const asking = Object.values(assurance?.reviews ?? {}).filter((review) => review.state === 'awaitingApplicant');
      return { description: `Respond to the additional assurance asked for by ${joinAnd(asking.map((review) => reviewNames[review.review]))}`, holders: [applicant] };
    }
    case 'awaitingApproval':
      return { description: 'Approve the application', holders: [role('approver')] };
    case 'dsaToGenerate':
      return { description: 'Generate the Data Sharing Agreement', holders: [contact] };
    case 'dsaGenerated':
      return { description: 'Send the DSA for signature', holders: [contact] };
    case 'awaitingSignatures': {
      const signed = new Set(state.facts.dsa?.signatures.map((signature) => signature.party));
      const signatory = state.people.dataControllerSignatory;
      const holders: ActionHolder[] = [];
      if (!signed.has('nhse')) holders.push(role('nhseSignatory'));
      if (!signed.has('dataController')) holders.push(signatory ? person(signatory) : role('dataControllerSignatory'));
      return { description: 'Sign the Data Sharing Agreement', holders };
    }
    case 'dsaDeclined':
      return { description: 'A signatory declined the DSA: regenerate it or send it again', holders: [contact] };
    case 'arrangingAccess':
      return accessAction(state, applicant, contact);
    case 'enquiryDeclined':
    case 'notSupported':
    case 'withdrawn':
    case 'closed':
    case 'accessArranged':
      return undefined;
  }
}

function accessAction(state: CaseState, applicant: ActionHolder, contact: ActionHolder): Action {
  const items = remainingAccessItems(state);
  if (items.length === 0) return { description: 'Arrange access to the data', holders: [contact] };
  const signatory = state.people.dataControllerSignatory;
  const parts = items.map((item): Action => {
    switch (item.item) {
      case 'serviceAgreement':
        return { description: 'sign the service agreement', holders: [signatory ? person(signatory) : role('dataControllerSignatory')] };
      case 'cohortFileDueDate':
        return { description: 'set the date the cohort file is due', holders: [contact] };
      case 'cohortFile':
        return { description: `send the cohort file by ${formatDate(item.dueDate)}`, holders: [applicant] };
    }
  });
  const text = parts.map((part) => part.description).join('; ');
  return { description: `Before access: ${text}`, holders: parts.flatMap((part) => part.holders) };
}

export function nextActionFor(state: CaseState): NextAction | undefined {
  const action = actionFor(state);
  if (!action) return undefined;
  const clock = state.clock;
  if (!clock || clock.state === 'stopped') return action;
  if (clock.state === 'running') return { ...action, due: clock.due, dueFor: 'stage' };
  const cohortDue = remainingAccessItems(state).find((item) => item.item === 'cohortFile');
  if (cohortDue && cohortDue.item === 'cohortFile') return { ...action, due: cohortDue.dueDate, dueFor: 'cohortFile' };
  return clock.respondBy ? { ...action, due: clock.respondBy, dueFor: 'applicantReply' } : action;
}
