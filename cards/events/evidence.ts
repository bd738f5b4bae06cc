import { updateCards, type StagePresentations } from './presentation';

/** Evidence attached in chat: listed on the application review, the assurance reviews and the status card. */
export const evidenceEvents = {
  evidenceAttached: {
    cards: () => [updateCards('applicationReview', 'review', 'caseStatus')],
  },
} satisfies StagePresentations;
