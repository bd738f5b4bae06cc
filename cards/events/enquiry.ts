import { postCard, sendCard, updateCards, type StagePresentations } from './presentation';

/** Stage 1, enquiry: how its events are shown. */
export const enquiryEvents = {
  enquirySubmitted: {
    cards: () => [postCard('triage', 'enquiryReview')],
  },
  informationRequested: {
    cards: () => [updateCards('enquiryReview'), sendCard('applicant', 'informationRequest')],
  },
  informationProvided: {
    cards: () => [updateCards('enquiryReview', 'informationRequest')],
  },
  enquiryDeclined: {
    cards: () => [updateCards('enquiryReview', 'informationRequest'), sendCard('applicantTeam', 'caseStatus')],
  },
  enquiryAccepted: {
    cards: () => [updateCards('enquiryReview'), postCard('triage', 'preliminaryAssessment')],
  },
} satisfies StagePresentations;
