import { z } from 'zod';
import { evidenceKinds, maximumEvidenceBytes } from '../../rules/evidence';
import { sha256, storedFileId, text } from '../commands/fields';
import { accept } from '../decision';
import { copyFileToLibrary } from '../effects';
import { stampOf, withFacts } from '../evolve/helpers';
import type { Deciders, Evolvers } from './handlers';

/**
 * Evidence attached in chat: the bot read the file, checked its type by its content, stored it
 * and hashed it; the command carries what the bot itself found (never sizes or hashes typed
 * anywhere), and the kind the applicant said it evidences.
 */
export const evidenceCommandSchemas = [
  z.object({
    type: z.literal('attachEvidence'),
    fileId: storedFileId,
    kind: z.enum(evidenceKinds),
    fileName: text('the file name', 255),
    size: z.number().int().min(1).max(maximumEvidenceBytes, 'a file of at most 25 MB'),
    sha256,
  }),
] as const;

export type EvidenceCommand = z.infer<(typeof evidenceCommandSchemas)[number]>;

/**
 * Evidence attached in chat. Every file is kept (a later one of the same kind is listed as the
 * current one, the earlier stays in the history): an applicant replacing a letter never silently
 * edits what DARS already saw.
 */
export const evidenceDeciders: Deciders<EvidenceCommand> = {
  attachEvidence: (_state, command) => {
    const { type: _type, ...file } = command;
    // The copy in SharePoint comes after the cards that show the file (cards/events: the store puts them first), so one
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
