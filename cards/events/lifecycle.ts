import { everyCard, quoted, sendCard, to, type StagePresentations } from './presentation';

/** Any stage: the applicant’s team, withdrawal and closure. */
export const lifecycleEvents = {
  applicantMemberInvited: {
    cards: (event) => [sendCard({ personId: event.member.id }, 'caseStatus')],
    notices: (event, { after }) => [to({ personId: event.member.id }, `${quoted(after.people.applicant.name)} added you to this DARS case.`)],
    history: (event, who) => `${who} added ${event.member.name} to the case.`,
    readers: 'everyone',
  },
  applicantMemberRemoved: {
    cards: 'none',
    notices: (event) => [to({ personId: event.member.id }, 'You are no longer a member of this DARS case.')],
    history: (event, who) => `${who} removed ${event.member.name} from the case.`,
    readers: 'everyone',
  },
  caseWithdrawn: {
    cards: () => [everyCard],
    notices: (event) => [to('darsContact', `the applicant withdrew the case. The reason:\n\n${quoted(event.reason)}`)],
    history: (event, who) => `${who} withdrew the request: ${event.reason}`,
    readers: 'everyone',
  },
  caseClosed: {
    cards: () => [everyCard],
    notices: (event) => [to('applicantTeam', `DARS has closed the case. The reason:\n\n${quoted(event.reason)}`)],
    history: (event, who) => `${who} closed the case: ${event.reason}`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
