import { z } from 'zod';

import { delivered, retryAt, type DeliveryResult } from '../delivery/deliveryResult';

import type { SignatoryParty } from '../workflow/commands/fields';

/**
 * The steps of a DSA signature request and their ids. Each step is done once per DSA version
 * (and per signatory): the id is the claim. The upload is shared by both parties' requests.
 */

export const signatureSteps = ['upload', 'share', 'install', 'notify', 'card'] as const;
export type SignatureStep = (typeof signatureSteps)[number];

/** A person asked to sign for a party; `userId` is their Entra object id. */
export interface SignatoryRecipient {
  readonly party: SignatoryParty;
  readonly userId: string;
  readonly name: string;
  /** Where SharePoint shares the document; needed only when routing through Graph. */
  readonly email?: string;
}

export interface SignatureRequest {
  /** The case's id in the case log. */
  readonly caseId: string;
  readonly caseReference: string;
  readonly nicNumber: string;
  readonly dsaVersion: number;
  /** The SHA-256 the signatures bind to; the uploaded bytes must hash to it. */
  readonly documentHash: string;
  readonly party: SignatoryParty;
  readonly recipients: readonly SignatoryRecipient[];
  /** Who sent the DSA for signature (the activity notice reads "{actor} asked you to sign…"). */
  readonly requestedBy: string;
}

export function stepId(request: Pick<SignatureRequest, 'caseId' | 'dsaVersion'>, step: SignatureStep, recipient?: SignatoryRecipient): string {
  const base = `${request.caseId}#dsa${request.dsaVersion}#${step}`;
  return recipient ? `${base}#${recipient.party}#${recipient.userId}` : base;
}

export const uploadResultSchema = z.object({ itemId: z.string(), webUrl: z.string(), sha256: z.string() });
export type UploadResult = z.infer<typeof uploadResultSchema>;

export const shareResultSchema = z.object({ permissionIds: z.array(z.string()) });
export const installResultSchema = z.object({ outcome: z.enum(['installed', 'alreadyInstalled']) });
export const sentResultSchema = z.object({ sent: z.literal(true) });

/** What happened to one step in this run. */
export interface StepReport {
  readonly step: SignatureStep;
  readonly userId?: string;
  /** `done`: earlier; `doneNow`: in this run; `waiting`: in progress elsewhere or backing off. */
  readonly status: 'done' | 'doneNow' | 'waiting' | 'failed';
  readonly retryAt?: Date;
  readonly error?: string;
}

export interface RoutingReport {
  /** Every step for every recipient is done: the signature cards are out. */
  readonly complete: boolean;
  readonly steps: readonly StepReport[];
  /** When not complete: the earliest time another run can make progress. */
  readonly retryAt?: Date;
  /** The DSA in SharePoint, once uploaded (for the signature card's "open the DSA" link). */
  readonly documentUrl?: string;
}

/**
 * For the delivery road: a fully routed request is delivered; otherwise the road comes back at
 * the earliest time a step can make progress (a typed "retry at", counted as an attempt).
 */
export function routingResult(report: RoutingReport, now: Date = new Date()): DeliveryResult {
  if (report.complete) return delivered;
  const waiting = report.steps.filter((step) => step.status === 'waiting' || step.status === 'failed');
  const why = `DSA signature request not finished: ${waiting.map((step) => `${step.step} ${step.status}${step.error ? ` (${step.error})` : ''}`).join('; ')}`;
  return retryAt(report.retryAt ?? new Date(now.getTime() + 60_000), why);
}
