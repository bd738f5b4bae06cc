import { z } from 'zod';
import { enquirySchema } from '../../enquiry/enquiry';
import { text } from './fields';

/** Stage 1, enquiry: the applicant submits; DARS asks, declines or accepts. */
export const enquiryCommandSchemas = [
  z.object({
    type: z.literal('submitEnquiry'),
    reference: z.string().regex(/^DARS-\d{4}-\d{5}$/, 'a case reference like DARS-2026-00042'),
    enquiry: enquirySchema,
  }),
  z.object({ type: z.literal('requestInformation'), question: text('the question for the applicant', 2000) }),
  z.object({ type: z.literal('answerInformationRequest'), answer: text('your answer', 5000) }),
  z.object({
    type: z.literal('declineEnquiry'),
    reason: text('the reason for declining', 2000),
    alternatives: z.array(text('an alternative', 500)).min(1, 'say where else the applicant could go (at least one alternative)'),
  }),
  z.object({ type: z.literal('acceptEnquiry') }),
] as const;

export type EnquiryCommand = z.infer<(typeof enquiryCommandSchemas)[number]>;
