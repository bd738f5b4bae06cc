import { z } from 'zod';
import { chargeTypes } from '../../rules/config';
import { securityEvidenceSchema } from '../../rules/security';
import { email, entraId, optionalText, text } from './fields';

/** Stage 2, preliminary assessment: staff assess, assurance may advise, the applicant confirms funding. */

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

export const preliminaryAssessmentCommandSchemas = [
  z.object({ type: z.literal('recordPreliminaryAssessment'), assessment: preliminaryAssessmentSchema }),
  z.object({ type: z.literal('requestEarlyAdvice'), question: text('what you want advice on', 2000) }),
  z.object({
    type: z.literal('giveEarlyAdvice'),
    advice: text('the advice', 5000),
    likelyToBeSupported: z.boolean(),
    actionsBeforeApplying: z.array(text('an action', 1000)),
    /** Whether the applicant is sent the advice; staff choose, and by default it stays with DARS. */
    shareWithApplicant: z.boolean().optional(),
  }),
  z.object({ type: z.literal('confirmFunding'), fundingSource: text('the source of funding', 500), paymentDetails: paymentDetailsSchema }),
  z.object({ type: z.literal('markReadyToApply') }),
  z.object({ type: z.literal('markNotSupported'), reason: text('the reason the request is not supported', 2000) }),
] as const;

export type PreliminaryAssessmentCommand = z.infer<(typeof preliminaryAssessmentCommandSchemas)[number]>;
