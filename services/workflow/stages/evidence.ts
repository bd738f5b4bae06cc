import { evidenceKindNamesInSentence } from '../../rules/evidence';
import type { EvidenceCommand } from '../commands';
import { accept, type HandlerResult } from '../decision';
import { copyFileToLibrary, notify, updateCards } from '../effects';
import type { CaseState } from '../state/caseState';

/**
 * Evidence attached in chat. Every file is kept (a later one of the same kind is listed as the
 * current one, the earlier stays in the history): an applicant replacing a letter never silently
 * edits what DARS already saw. The message to DARS names the kind, never the file's name, which
 * is the applicant's words and is shown only as plain text on cards.
 */
export function attachEvidence(state: CaseState, command: EvidenceCommand): HandlerResult {
  const { type: _type, ...file } = command;
  return accept(
    [{ type: 'evidenceAttached', ...file }],
    [
      updateCards('applicationReview', 'review', 'caseStatus'),
      notify('darsContact', `${state.reference}: the applicant attached evidence (${evidenceKindNamesInSentence[command.kind]}).`),
      // Last: a copy in SharePoint that fails for a while holds up none of the above.
      copyFileToLibrary(command.fileId, command.sha256),
    ],
  );
}
