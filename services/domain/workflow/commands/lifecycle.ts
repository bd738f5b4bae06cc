import { z } from 'zod';
import { entraId, personRef, text } from './fields';

/** Commands that apply across stages: the applicant's team, withdrawal and closure. */
export const lifecycleCommandSchemas = [
  z.object({ type: z.literal('inviteApplicantMember'), member: personRef }),
  z.object({ type: z.literal('removeApplicantMember'), memberId: entraId }),
  z.object({ type: z.literal('withdraw'), reason: text('the reason for withdrawing', 2000) }),
  z.object({ type: z.literal('close'), reason: text('the reason for closing the case', 2000) }),
] as const;

export type LifecycleCommand = z.infer<(typeof lifecycleCommandSchemas)[number]>;
