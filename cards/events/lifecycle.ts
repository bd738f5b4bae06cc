import { everyCard, sendCard, type StagePresentations } from './presentation';

/** Any stage: the applicant’s team, withdrawal and closure. */
export const lifecycleEvents = {
  applicantMemberInvited: {
    cards: (event) => [sendCard({ personId: event.member.id }, 'caseStatus')],
  },
  applicantMemberRemoved: {
    cards: 'none',
  },
  caseWithdrawn: {
    cards: () => [everyCard],
  },
  caseClosed: {
    cards: () => [everyCard],
  },
} satisfies StagePresentations;
