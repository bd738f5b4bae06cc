import { formatDate } from '../../services/domain/calendar/isoDate';
import { plural } from '../../services/domain/rules/reason';
import { partyNames } from '../../services/domain/workflow/commands/fields';
import { capitalise, quoted, sendCard, to, updateCards, type StagePresentations } from './presentation';

/** Stage 5, the Data Sharing Agreement: how its events are shown, told and read in the history. */
export const dsaEvents = {
  dsaGenerated: {
    cards: () => [updateCards('dsa')],
    // A new version is only told once it is sent: the signatories get its card.
    notices: 'silent',
    history: (event, who) => `${who} generated DSA version ${event.dsaVersion} (${formatDate(event.terms.start)} to ${formatDate(event.terms.end)}).`,
    readers: 'everyone',
  },
  dsaSignaturesLapsed: {
    // Always beside a new DSA version, whose card shows it.
    cards: 'none',
    notices: (event) =>
      event.signatures.map((signature) =>
        to({ personId: signature.signer.id }, `DSA version ${event.dsaVersion}, which you signed, has been replaced. Your signature has lapsed; you will be asked to sign the new version.`),
      ),
    history: (event) => `DSA version ${event.dsaVersion} was replaced, so ${plural(event.signatures.length, 'signature')} on it lapsed.`,
    readers: 'everyone',
  },
  dsaSent: {
    cards: () => [updateCards('dsa')],
    notices: (event) => [to('applicantTeam', `DSA version ${event.dsaVersion} has been sent to the signatories.`)],
    history: (event, who) => `${who} sent DSA version ${event.dsaVersion} for signature.`,
    readers: 'everyone',
  },
  dsaSigned: {
    cards: () => [updateCards('dsaSignature', 'dsa')],
    notices: (event) => [
      to('darsContact', `${partyNames[event.party]} signed DSA version ${event.dsaVersion}.`),
      to('applicantTeam', `${capitalise(partyNames[event.party])} signed the Data Sharing Agreement.`),
    ],
    history: (event, who) => `${who} signed DSA version ${event.dsaVersion} as ${partyNames[event.party]}.`,
    readers: 'everyone',
  },
  dsaDeclined: {
    cards: () => [updateCards('dsaSignature', 'dsa')],
    notices: (event) => [to('darsContact', `${partyNames[event.party]} declined DSA version ${event.dsaVersion}. The reason:\n\n${quoted(event.reason)}`)],
    history: (event, who) => `${who} declined DSA version ${event.dsaVersion} as ${partyNames[event.party]}: ${event.reason}`,
    readers: 'everyone',
  },
  dsaExecuted: {
    // What remains before access, each on the card of the person who acts on it.
    cards: (event) => [
      ...(event.serviceAgreementRequired ? [sendCard('dataControllerSignatory', 'serviceAgreementSignature')] : []),
      ...(event.cohortFileRequired ? [sendCard('darsContact', 'cohortFile')] : []),
    ],
    notices: (_event, { after }) => [
      to('applicantTeam', 'The Data Sharing Agreement is signed by both parties. DARS will now arrange access.'),
      // Each signatory learns the agreement is in force (the one who signed last acted, so is not told).
      ...(after.facts.dsa?.signatures ?? []).map((signature) => to({ personId: signature.signer.id }, 'The Data Sharing Agreement is now signed by both parties.')),
    ],
    history: (event) => `The DSA (version ${event.dsaVersion}) is signed by both parties.`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
