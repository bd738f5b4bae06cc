import { postCard, sendCard, updateCards, reviewChannel, type StagePresentations } from './presentation';

/** Stage 4, assurance, and approval: how their events are shown. */
export const assuranceEvents = {
  assuranceLevelRecommended: {
    // Recorded with the acceptance, whose assurance level card shows it.
    cards: 'none',
  },
  assuranceLevelConfirmed: {
    cards: (event) => [
      updateCards('assuranceLevel'),
      ...event.requiredReviews.map((review) => postCard(reviewChannel[review.review], 'review', review.review)),
    ],
  },
  reviewRecorded: {
    cards: (event) => [
      updateCards('review'),
      ...(event.outcome.decision === 'additionalAssuranceNeeded' ? [sendCard('applicantTeam', 'additionalAssurance')] : []),
    ],
  },
  additionalAssuranceProvided: {
    cards: () => [updateCards('additionalAssurance', 'review')],
  },
  assuranceCompleted: {
    cards: () => [sendCard({ role: 'approver' }, 'approval')],
  },
  applicationApproved: {
    // The DARS contact generates and sends the DSA on this card (in the triage channel while no one is allocated).
    cards: () => [updateCards('approval'), sendCard('darsContact', 'dsa')],
  },
} satisfies StagePresentations;
