import { listOf, postCard, quoted, sendCard, to, updateCards, type StagePresentations } from './presentation';

/** Stage 1, enquiry: how its events are shown, told and read in the history. */
export const enquiryEvents = {
  enquirySubmitted: {
    cards: () => [postCard('triage', 'enquiryReview')],
    // The applicant who submits is answered in that turn; triage gets the review card.
    notices: 'silent',
    history: (event, who) => `${who} submitted the enquiry ${event.reference}.`,
    readers: 'everyone',
  },
  informationRequested: {
    cards: () => [updateCards('enquiryReview'), sendCard('applicant', 'informationRequest')],
    notices: () => [to('applicant', 'DARS has a question about your enquiry. Answer it here and the team will carry on.')],
    history: (event, who) => `${who} asked the applicant for more information (question ${event.requestNumber}).`,
    readers: 'everyone',
  },
  informationProvided: {
    cards: () => [updateCards('enquiryReview', 'informationRequest')],
    notices: () => [to({ channel: 'triage' }, 'the applicant answered DARS’s question.')],
    history: (event, who) => `${who} answered question ${event.requestNumber}.`,
    readers: 'everyone',
  },
  enquiryDeclined: {
    cards: () => [updateCards('enquiryReview', 'informationRequest'), sendCard('applicantTeam', 'caseStatus')],
    notices: (event) => [
      to('applicantTeam', [
        `DARS cannot take your enquiry further. The reason:\n\n${quoted(event.reason)}`,
        ...(event.alternatives.length > 0 ? [`Where else you could go:\n\n${listOf(event.alternatives)}`] : []),
      ].join('\n\n')),
    ],
    history: (event, who) => `${who} declined the enquiry: ${event.reason}`,
    readers: 'everyone',
  },
  enquiryAccepted: {
    cards: () => [updateCards('enquiryReview'), postCard('triage', 'preliminaryAssessment')],
    notices: () => [to('applicantTeam', 'Your enquiry has moved to preliminary assessment: DARS will work out with you how your data needs can be met.')],
    history: (_event, who) => `${who} accepted the enquiry into preliminary assessment.`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
