import { z } from 'zod';
import { evidenceKinds, maximumEvidenceBytes } from '../../rules/evidence';
import { sha256, text } from './fields';

/** The id the file store gave a file's bytes: what a link to fetch the file will name. */
export const storedFileId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'the id of a stored file');

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
