import type { EvidenceCommand } from '../commands';
import { accept } from '../decision';
import { copyFileToLibrary } from '../effects';
import { stampOf, withFacts } from '../evolve/helpers';
import type { Deciders, Evolvers } from './handlers';

/**
 * Evidence attached in chat. Every file is kept (a later one of the same kind is listed as the
 * current one, the earlier stays in the history): an applicant replacing a letter never silently
 * edits what DARS already saw.
 */
export const evidenceDeciders: Deciders<EvidenceCommand['type']> = {
  attachEvidence: (_state, command) => {
    const { type: _type, ...file } = command;
    // The copy in SharePoint comes after the cards that show the file (eventCards.ts), so one
    // that fails for a while holds none of them up.
    return accept([{ type: 'evidenceAttached', ...file }], [copyFileToLibrary(command.fileId, command.sha256)]);
  },
};

export const evidenceEvolvers: Evolvers<'evidenceAttached'> = {
  evidenceAttached: (state, event) => {
    const file = { fileId: event.fileId, kind: event.kind, fileName: event.fileName, size: event.size, sha256: event.sha256, attached: stampOf(event) };
    return withFacts(state, { evidence: [...(state.facts.evidence ?? []), file] });
  },
};
