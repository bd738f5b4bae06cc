import { formatPounds } from '../../services/domain/rules/reason';
import { listOf, postCard, quoted, sendCard, to, updateCards, type StagePresentations } from './presentation';

/** Stage 2, preliminary assessment: how its events are shown, told and read in the history. */
export const preliminaryAssessmentEvents = {
  preliminaryAssessmentRecorded: {
    cards: () => [updateCards('preliminaryAssessment'), sendCard('applicant', 'fundingConfirmation')],
    notices: (event) => [
      to('applicant', `DARS has ${event.assessmentVersion > 1 ? 'revised' : 'completed'} the preliminary assessment. Please read it and confirm how the work will be funded.`),
    ],
    history: (event, who) => {
      const cost = event.costEstimate.totalPence > 0 ? `; estimated cost ${formatPounds(event.costEstimate.totalPence)}${event.costEstimate.complete ? '' : ' plus the access service’s charge'}` : '';
      return `${who} recorded the preliminary assessment (version ${event.assessmentVersion}${cost}).`;
    },
    readers: 'everyone',
  },
  earlyAdviceRequested: {
    cards: () => [postCard('assurance', 'earlyAdvice'), updateCards('preliminaryAssessment')],
    // Assurance is asked on the early advice card posted in its channel.
    notices: 'silent',
    history: (_event, who) => `${who} asked assurance for early advice.`,
    readers: 'staff',
  },
  earlyAdviceGiven: {
    cards: () => [updateCards('earlyAdvice', 'preliminaryAssessment')],
    notices: (event) => {
      const likely = event.likelyToBeSupported ? 'likely to be supported' : 'not likely to be supported as proposed';
      const notices = [to({ channel: 'triage' }, `assurance has given early advice: ${likely}.`)];
      // Staff choose whether the applicant sees it (the early advice card's "share with the applicant").
      if (event.sharedWithApplicant === true) {
        const actions = event.actionsBeforeApplying.length > 0 ? `\n\nWhat to do before applying:\n\n${listOf(event.actionsBeforeApplying)}` : '';
        notices.push(to('applicantTeam', `Early advice on your request: it is ${likely}. The advice:\n\n${quoted(event.advice)}${actions}`));
      }
      return notices;
    },
    history: (event, who) => `${who} gave early advice: ${event.likelyToBeSupported ? 'likely to be supported' : 'not likely to be supported as proposed'}.`,
    readers: 'staff',
  },
  fundingConfirmed: {
    cards: () => [updateCards('fundingConfirmation', 'preliminaryAssessment')],
    notices: () => [to({ channel: 'triage' }, 'the applicant confirmed funding and payment details.')],
    history: (_event, who) => `${who} confirmed the funding source and payment details.`,
    readers: 'everyone',
  },
  readyToApply: {
    cards: () => [updateCards('preliminaryAssessment'), postCard('triage', 'takeCase')],
    notices: () => [to('applicantTeam', 'Your request is ready for a formal application. A DARS contact will be allocated and will invite you to write it.')],
    history: (_event, who) => `${who} marked the case ready for a formal application.`,
    readers: 'everyone',
  },
  assessmentNotSupported: {
    cards: () => [updateCards('preliminaryAssessment', 'fundingConfirmation')],
    notices: (event) => [to('applicantTeam', `DARS cannot support your request. The reason:\n\n${quoted(event.reason)}`)],
    history: (event, who) => `${who} marked the request not supported: ${event.reason}`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
