import { postCard, sendCard, updateCards, type StagePresentations } from './presentation';

/** Stage 2, preliminary assessment: how its events are shown. */
export const preliminaryAssessmentEvents = {
  preliminaryAssessmentRecorded: {
    cards: () => [updateCards('preliminaryAssessment'), sendCard('applicant', 'fundingConfirmation')],
  },
  earlyAdviceRequested: {
    cards: () => [postCard('assurance', 'earlyAdvice'), updateCards('preliminaryAssessment')],
  },
  earlyAdviceGiven: {
    cards: () => [updateCards('earlyAdvice', 'preliminaryAssessment')],
  },
  fundingConfirmed: {
    cards: () => [updateCards('fundingConfirmation', 'preliminaryAssessment')],
  },
  readyToApply: {
    cards: () => [updateCards('preliminaryAssessment'), postCard('triage', 'takeCase')],
  },
  assessmentNotSupported: {
    cards: () => [updateCards('preliminaryAssessment', 'fundingConfirmation')],
  },
} satisfies StagePresentations;
