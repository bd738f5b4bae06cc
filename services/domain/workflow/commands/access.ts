import { z } from 'zod';
import { storedFileId } from './evidence';
import { isoDate, sha256, signatureFields, text } from './fields';

/**
 * Stage 6, access: what remains after the DSA is signed. The cohort file is checked by
 * `checkCohortFile` when it is uploaded; the command carries the result of that check for the
 * file the bot itself read (never numbers typed on a card).
 */
export const accessCommandSchemas = [
  z.object({ type: z.literal('signServiceAgreement'), ...signatureFields }),
  z.object({ type: z.literal('cohortFileDue'), dueDate: isoDate }),
  z.object({
    type: z.literal('receiveCohortFile'),
    /** Where the bot stored the file's bytes (absent from commands made before files were kept). */
    fileId: storedFileId.optional(),
    fileName: text('the file name', 255),
    rows: z.number().int().min(0),
    contentHash: sha256,
    /** From the cohort file check: the file is only received when this is 0. */
    failingRows: z.number().int().min(0),
  }),
  z.object({ type: z.literal('arrangeAccess') }),
] as const;

export type AccessCommand = z.infer<(typeof accessCommandSchemas)[number]>;
