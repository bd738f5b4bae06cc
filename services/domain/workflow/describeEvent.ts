import { formatDate } from '../calendar/isoDate';
import { formatPounds, joinAnd, plural } from '../rules/reason';
import { reviewNames } from '../rules/reviews';
import { sectionTitles } from './application/sections';
import { partyNames } from './commands/fields';
import type { CaseEvent } from './events';
import { evidenceKindNamesInSentence } from '../rules/evidence';
import { formatFileSize } from './state/evidenceChecklist';

/**
 * The history people read: each event as one plain-English sentence for the status card's
 * timeline. It says who did what; long answers stay on their cards.
 */
const clockNames = {
  enquiry: 'enquiry', preliminaryAssessment: 'preliminary assessment', application: 'application',
  assurance: 'assurance', approval: 'approval', dsa: 'DSA', access: 'access',
} as const;

const decisions = {
  supported: 'supported the application',
  supportedWithConditions: 'supported the application with conditions',
  additionalAssuranceNeeded: 'asked the applicant for additional assurance',
  notSupported: 'did not support the application',
} as const;

export function describeEvent(event: CaseEvent): string {
  const who = event.actor.name;
  switch (event.type) {
    case 'enquirySubmitted': return `${who} submitted the enquiry ${event.reference}.`;
    case 'informationRequested': return `${who} asked the applicant for more information (question ${event.requestNumber}).`;
    case 'informationProvided': return `${who} answered question ${event.requestNumber}.`;
    case 'enquiryDeclined': return `${who} declined the enquiry: ${event.reason}`;
    case 'enquiryAccepted': return `${who} accepted the enquiry into preliminary assessment.`;
    case 'preliminaryAssessmentRecorded': {
      const cost = event.costEstimate.totalPence > 0 ? `; estimated cost ${formatPounds(event.costEstimate.totalPence)}${event.costEstimate.complete ? '' : ' plus the access service’s charge'}` : '';
      return `${who} recorded the preliminary assessment (version ${event.assessmentVersion}${cost}).`;
    }
    case 'earlyAdviceRequested': return `${who} asked assurance for early advice.`;
    case 'earlyAdviceGiven': return `${who} gave early advice: ${event.likelyToBeSupported ? 'likely to be supported' : 'not likely to be supported as proposed'}.`;
    case 'fundingConfirmed': return `${who} confirmed the funding source and payment details.`;
    case 'readyToApply': return `${who} marked the case ready for a formal application.`;
    case 'assessmentNotSupported': return `${who} marked the request not supported: ${event.reason}`;
    case 'darsContactAllocated': return event.previous
      ? `${who} made ${event.contact.name} the DARS contact, in place of ${event.previous.name}.`
      : event.contact.id === event.actor.id ? `${who} took the case as its DARS contact.` : `${who} made ${event.contact.name} the DARS contact.`;
    case 'applicationSectionSaved': return `${who} saved “${sectionTitles[event.section]}” (revision ${event.revision}).`;
    case 'applicationSubmitted': return `${who} submitted the application (version ${event.version}).`;
    case 'amendmentsRequested': return `${who} asked for amendments to version ${event.version}: ${event.comments.map((comment) => sectionTitles[comment.section]).join(', ')}.`;
    case 'applicationResubmitted': return `${who} resubmitted the application as version ${event.version}, changing ${event.changedSections.map((section) => sectionTitles[section]).join(', ')}.`;
    case 'applicationAccepted': return `${who} accepted the application; NIC number ${event.nicNumber}.`;
    case 'assuranceLevelRecommended': return `DARS Bot recommended ${event.label} assurance: ${event.reasons.join(' ')}`;
    case 'assuranceLevelConfirmed': {
      const changed = event.level !== event.recommendedLevel ? ` (changed from the recommendation: ${event.reason ?? ''})` : '';
      return `${who} confirmed ${event.label} assurance${changed}; reviews: ${joinAnd(event.requiredReviews.map((review) => reviewNames[review.review]))}.`;
    }
    case 'reviewRecorded': return `${who}, for ${reviewNames[event.review]}, ${decisions[event.outcome.decision]}.`;
    case 'additionalAssuranceProvided': return `${who} responded to the additional assurance asked for by ${reviewNames[event.review]}.`;
    case 'assuranceCompleted': return `Assurance is complete: every required review supports the application${event.specialConditions.length > 0 ? `, with ${plural(event.specialConditions.length, 'special condition')}` : ''}.`;
    case 'applicationApproved': return `${who} approved the application.`;
    case 'dsaGenerated': return `${who} generated DSA version ${event.dsaVersion} (${formatDate(event.terms.start)} to ${formatDate(event.terms.end)}).`;
    case 'dsaSignaturesLapsed': return `DSA version ${event.dsaVersion} was replaced, so ${plural(event.signatures.length, 'signature')} on it lapsed.`;
    case 'dsaSent': return `${who} sent DSA version ${event.dsaVersion} for signature.`;
    case 'dsaSigned': return `${who} signed DSA version ${event.dsaVersion} as ${partyNames[event.party]}.`;
    case 'dsaDeclined': return `${who} declined DSA version ${event.dsaVersion} as ${partyNames[event.party]}: ${event.reason}`;
    case 'dsaExecuted': return `The DSA (version ${event.dsaVersion}) is signed by both parties.`;
    case 'serviceAgreementSigned': return `${who} signed the service agreement.`;
    case 'cohortFileDueSet': return `${who} set the cohort file due by ${formatDate(event.dueDate)}.`;
    case 'cohortFileReceived': return `${who} sent the cohort file ${event.fileName} (${plural(event.rows, 'row')}).`;
    case 'accessArranged': return `${who} arranged access to the data. The case is complete.`;
    case 'evidenceAttached': return `${who} attached ${event.fileName} as the ${evidenceKindNamesInSentence[event.kind]} (${formatFileSize(event.size)}).`;
    case 'applicantMemberInvited': return `${who} added ${event.member.name} to the case.`;
    case 'applicantMemberRemoved': return `${who} removed ${event.member.name} from the case.`;
    case 'caseWithdrawn': return `${who} withdrew the request: ${event.reason}`;
    case 'caseClosed': return `${who} closed the case: ${event.reason}`;
    case 'clockStarted': return `The ${clockNames[event.clock]} stage is due to finish by ${formatDate(event.due)} (${plural(event.targetWorkingDays, 'working day')}).`;
    case 'clockPaused': return `The ${clockNames[event.clock]} deadline is paused while DARS waits for the applicant (reply due by ${formatDate(event.respondBy)}).`;
    case 'clockResumed': return `The ${clockNames[event.clock]} deadline resumed after ${plural(event.pausedWorkingDays, 'working day')} paused; now due by ${formatDate(event.due)}.`;
    case 'clockStopped': return `The ${clockNames[event.clock]} stage finished${event.late ? ` late (it was due by ${formatDate(event.due)})` : ' on time'}.`;
    case 'deadlineNoticeSent':
      return event.notice === 'reminder'
        ? `${who} sent a reminder that “${event.description}” is due by ${formatDate(event.due)}.`
        : `${who} told DARS staff that “${event.description}” is overdue (it was due by ${formatDate(event.due)}).`;
  }
}
