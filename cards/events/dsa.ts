import { sendCard, updateCards, type StagePresentations } from './presentation';

/** Stage 5, the Data Sharing Agreement: how its events are shown. */
export const dsaEvents = {
  dsaGenerated: {
    cards: () => [updateCards('dsa')],
  },
  dsaSignaturesLapsed: {
    // Always beside a new DSA version, whose card shows it.
    cards: 'none',
  },
  dsaSent: {
    cards: () => [updateCards('dsa')],
  },
  dsaSigned: {
    cards: () => [updateCards('dsaSignature', 'dsa')],
  },
  dsaDeclined: {
    cards: () => [updateCards('dsaSignature', 'dsa')],
  },
  dsaExecuted: {
    // What remains before access, each on the card of the person who acts on it.
    cards: (event) => [
      ...(event.serviceAgreementRequired ? [sendCard('dataControllerSignatory', 'serviceAgreementSignature')] : []),
      ...(event.cohortFileRequired ? [sendCard('darsContact', 'cohortFile')] : []),
    ],
  },
} satisfies StagePresentations;
