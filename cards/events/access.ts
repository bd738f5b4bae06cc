import { everyCard, sendCard, updateCards, type StagePresentations } from './presentation';

/**
 * The cards of the access items. The items proceed side by side, but each decision on one moves
 * the case to a new version, which would leave the other's card showing an older case (and its
 * buttons answering "this case has moved on"): every access decision re-renders both.
 */
const accessCards = updateCards('serviceAgreementSignature', 'cohortFile');

/** Stage 6, access: how its events are shown. */
export const accessEvents = {
  serviceAgreementSigned: {
    cards: () => [accessCards],
  },
  cohortFileDueSet: {
    cards: () => [accessCards, sendCard('applicantTeam', 'cohortFile')],
  },
  cohortFileReceived: {
    cards: () => [accessCards],
  },
  accessArranged: {
    cards: () => [everyCard],
  },
} satisfies StagePresentations;
