import { z } from 'zod';
import { chargeTypes, dsaUses } from '../../rules/config';
import { securityEvidenceSchema } from '../../rules/security';
import { sectionNames, type SectionName } from '../application/sections';
import { email, entraId, isoDate, optionalText, text } from './fields';

/**
 * The shapes a command carries that the case also records (its events and state hold them as
 * given): the preliminary assessment, payment details, an amendment comment, a review's outcome,
 * the DSA's terms. A leaf: the stage modules (which own the commands) import it, never the
 * reverse, so events.ts and state/ can use these types without reaching the stages.
 */

// Stage 2, preliminary assessment.
export const accessServiceSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('secureDataEnvironment') }),
  // DOMAIN: the Secure Data Environment is the default; dissemination needs a reason.
  z.object({ service: z.literal('dissemination'), reason: text('why data must be disseminated rather than accessed in the Secure Data Environment', 2000) }),
]);

export const preliminaryAssessmentSchema = z.object({
  accessService: accessServiceSchema,
  novelOrContentious: z.boolean(),
  legalAndEthicalEvidence: z.array(text('a piece of evidence needed (e.g. s251 support, ethics approval, consent materials)', 500)),
  cohortSubmissionNeeded: z.boolean(),
  agreements: z.array(z.object({ agreement: text('the agreement', 200), signatory: text('who signs it', 200) })).min(1, 'list the agreements needed (at least the DSA)'),
  dataControllerSignatory: z.object({
    id: entraId,
    name: text('the data controller signatory’s name', 200),
    email,
    organisation: text('the data controller organisation', 200),
  }),
  security: z.object({
    cloudStorage: z.object({ used: z.boolean(), provider: optionalText(200).optional(), region: optionalText(200).optional(), outsideUk: z.boolean() }),
    evidence: securityEvidenceSchema,
  }),
  timeEstimate: z.object({ workingDays: z.number().int().min(1).max(500), note: optionalText(1000).optional() }),
  charging: z.object({ chargeType: z.enum(chargeTypes), agreementYears: z.number().int().min(1).max(5) }),
});
export type PreliminaryAssessment = z.infer<typeof preliminaryAssessmentSchema>;

export const paymentDetailsSchema = z.object({
  purchaseOrderNumber: optionalText(100).optional(),
  invoiceContact: z.object({ name: text('the invoice contact’s name', 200), email }),
  billingAddress: text('the billing address', 1000),
});
export type PaymentDetails = z.infer<typeof paymentDetailsSchema>;

// Stage 3, application.
export const amendmentCommentSchema = z.object({
  section: z.enum(sectionNames as [SectionName, ...SectionName[]]),
  comment: text('what needs to change in this section', 2000),
});
export type AmendmentComment = z.infer<typeof amendmentCommentSchema>;

// Stage 4, assurance.
export const reviewOutcomeSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('supported') }),
  z.object({ decision: z.literal('supportedWithConditions'), conditions: z.array(text('a condition', 2000)).min(1, 'give at least one condition') }),
  z.object({ decision: z.literal('additionalAssuranceNeeded'), actions: z.array(text('an action for the applicant', 2000)).min(1, 'give at least one action') }),
  z.object({ decision: z.literal('notSupported'), reason: text('the reason the application is not supported', 2000) }),
]);
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

// Stage 5, the Data Sharing Agreement: the document itself is rendered and stored elsewhere;
// the workflow holds its SHA-256 and these terms, and binds every signature to that hash.
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
