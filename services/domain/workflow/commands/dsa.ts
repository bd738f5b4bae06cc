import { z } from 'zod';
import { dsaUses } from '../../rules/config';
import { isoDate, sha256, signatoryParties, signatureFields, text } from './fields';

/**
 * Stage 5, the Data Sharing Agreement. The document itself is rendered and stored elsewhere;
 * the workflow holds its SHA-256 and terms, and binds every signature to that hash.
 */
export const dsaTermsSchema = z.object({
  start: isoDate,
  end: isoDate,
  use: z.enum(dsaUses),
  /** Working days after the DSA is signed within which the cohort file is due, where one is needed. */
  cohortFileWithinWorkingDays: z.number().int().min(1).max(250).optional(),
  /** Cohort file columns the DSA allows beyond the required ones. */
  cohortFileItems: z.array(text('a cohort file column', 100)).optional(),
  datesMinimised: z.boolean().optional(),
});
export type DsaTerms = z.infer<typeof dsaTermsSchema>;

export const dsaCommandSchemas = [
  z.object({
    type: z.literal('generateDsa'),
    contentHash: sha256,
    documentName: text('the DSA document’s name', 300),
    terms: dsaTermsSchema,
  }),
  z.object({ type: z.literal('sendDsa') }),
  z.object({ type: z.literal('signDsa'), party: z.enum(signatoryParties), ...signatureFields }),
  z.object({ type: z.literal('declineDsa'), party: z.enum(signatoryParties), reason: text('the reason for declining', 2000) }),
] as const;

export type DsaCommand = z.infer<(typeof dsaCommandSchemas)[number]>;
