import { postCard, sendCard, updateCards, type StagePresentations } from './presentation';

/** Stage 3, application: how its events are shown. The first DARS contact is what invites the applicant to write. */
export const applicationEvents = {
  darsContactAllocated: {
    cards: (_event, { before }) => [
      updateCards('takeCase'),
      ...(before?.status === 'awaitingDarsContact' ? [sendCard('applicantTeam', 'applicationInvitation')] : []),
    ],
  },
  applicationSectionSaved: {
    // A draft is the applicant's own until submitted: no card shows it.
    cards: 'none',
  },
  applicationSubmitted: {
    cards: () => [postCard('triage', 'applicationReview')],
  },
  amendmentsRequested: {
    cards: () => [updateCards('applicationReview'), sendCard('applicantTeam', 'amendments')],
  },
  applicationResubmitted: {
    cards: () => [updateCards('applicationReview', 'amendments')],
  },
  applicationAccepted: {
    cards: () => [updateCards('applicationReview'), postCard('assurance', 'assuranceLevel')],
  },
} satisfies StagePresentations;
