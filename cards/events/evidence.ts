import { evidenceKindNamesInSentence } from '../../services/domain/rules/evidence';
import { formatFileSize } from '../../services/domain/workflow/state/evidenceChecklist';
import { to, updateCards, type StagePresentations } from './presentation';

/** Evidence attached in chat: listed on the application review, the assurance reviews and the status card. */
export const evidenceEvents = {
  evidenceAttached: {
    cards: () => [updateCards('applicationReview', 'review', 'caseStatus')],
    // Evidence: the DARS contact is told the kind, never the file's name (the applicant's words,
    // shown only as plain text on the review cards).
    notices: (event) => [to('darsContact', `the applicant attached evidence (${evidenceKindNamesInSentence[event.kind]}).`)],
    history: (event, who) => `${who} attached ${event.fileName} as the ${evidenceKindNamesInSentence[event.kind]} (${formatFileSize(event.size)}).`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
