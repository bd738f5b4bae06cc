import { z } from 'zod';
import { reviewKinds } from '../../rules/reviews';
import { optionalText, text } from './fields';

/** Stage 4 and approval: the level is confirmed, the reviews run in parallel, an approver approves. */

export const reviewOutcomeSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('supported') }),
  z.object({ decision: z.literal('supportedWithConditions'), conditions: z.array(text('a condition', 2000)).min(1, 'give at least one condition') }),
  z.object({ decision: z.literal('additionalAssuranceNeeded'), actions: z.array(text('an action for the applicant', 2000)).min(1, 'give at least one action') }),
  z.object({ decision: z.literal('notSupported'), reason: text('the reason the application is not supported', 2000) }),
]);
export type ReviewOutcome = z.infer<typeof reviewOutcomeSchema>;

export const assuranceCommandSchemas = [
  z.object({
    type: z.literal('confirmAssuranceLevel'),
    level: text('the assurance level', 50),
    /** Required when the level differs from the recommendation. */
    reason: optionalText(2000).optional(),
  }),
  z.object({ type: z.literal('recordReview'), review: z.enum(reviewKinds), outcome: reviewOutcomeSchema }),
  z.object({
    type: z.literal('respondToAdditionalAssurance'),
    response: text('your response to the actions', 8000),
    /** Which review the response answers; may be left out when only one is waiting. */
    review: z.enum(reviewKinds).optional(),
  }),
  z.object({ type: z.literal('approve') }),
] as const;

export type AssuranceCommand = z.infer<(typeof assuranceCommandSchemas)[number]>;
