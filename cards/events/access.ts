import { formatDate } from '../../services/domain/calendar/isoDate';
import { plural } from '../../services/domain/rules/reason';
import { everyCard, sendCard, to, updateCards, type StagePresentations } from './presentation';

/**
 * The cards of the access items. The items proceed side by side, but each decision on one moves
 * the case to a new version, which would leave the other's card showing an older case (and its
 * buttons answering "this case has moved on"): every access decision re-renders both.
 */
const accessCards = updateCards('serviceAgreementSignature', 'cohortFile');

/** Stage 6, access: how its events are shown, told and read in the history. */
export const accessEvents = {
  serviceAgreementSigned: {
    cards: () => [accessCards],
    notices: () => [to('darsContact', 'the service agreement is signed.')],
    history: (_event, who) => `${who} signed the service agreement.`,
    readers: 'everyone',
  },
  cohortFileDueSet: {
    cards: () => [accessCards, sendCard('applicantTeam', 'cohortFile')],
    notices: (event) => [to('applicantTeam', `Please send the cohort file by ${formatDate(event.dueDate)}.`)],
    history: (event, who) => `${who} set the cohort file due by ${formatDate(event.dueDate)}.`,
    readers: 'everyone',
  },
  cohortFileReceived: {
    cards: () => [accessCards],
    notices: (event) => [to('darsContact', `the cohort file was received (${plural(event.rows, 'row')}).`)],
    history: (event, who) => `${who} sent the cohort file ${event.fileName} (${plural(event.rows, 'row')}).`,
    readers: 'everyone',
  },
  accessArranged: {
    cards: () => [everyCard],
    notices: () => [to('applicantTeam', 'Access to the data has been arranged. The case is complete.')],
    history: (_event, who) => `${who} arranged access to the data. The case is complete.`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
