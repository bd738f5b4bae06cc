import { evidenceKindNames } from '../../rules/evidence';
import type { EvidenceCommand } from '../commands';
import { accept } from '../decision';
import { notify, updateCards } from '../effects';
import { stampOf, withFacts } from '../evolve/helpers';
import type { Deciders, Evolvers } from './handlers';

/**
 * Evidence attached in chat. Every file is kept (a later one of the same kind is listed as the
 * current one, the earlier stays in the history): an applicant replacing a letter never silently
 * edits what DARS already saw. The message to DARS names the kind, never the file's name, which
 * is the applicant's words and is shown only as plain text on cards.
 */
export const evidenceDeciders: Deciders<EvidenceCommand['type']> = {
  attachEvidence: (state, command) => {
    const { type: _type, ...file } = command;
    return accept(
      [{ type: 'evidenceAttached', ...file }],
      [updateCards('applicationReview', 'caseStatus'), notify('darsContact', `${state.reference}: the applicant attached evidence (${evidenceKindNames[command.kind].toLowerCase()}).`)],
    );
  },
};

export const evidenceEvolvers: Evolvers<'evidenceAttached'> = {
  evidenceAttached: (state, event) => {
    const file = { fileId: event.fileId, kind: event.kind, fileName: event.fileName, size: event.size, sha256: event.sha256, attached: stampOf(event) };
    return withFacts(state, { evidence: [...(state.facts.evidence ?? []), file] });
  },
};
