import type { Db } from 'mongodb';

import { ClaimLedger, type FailureClassification } from '../../storage/delivery/claimLedger';
import type { DeliveryPolicy } from '../../domain/delivery/backoff';
import { retryAfterOf } from '../../domain/delivery/deliveryResult';
import { describeGraphError, graphRetryAfterSeconds, graphStatus, isTransientGraphError } from '../graph/graphErrors';

/**
 * The delivery road's claim ledger for the steps of DSA signature requests (upload, share,
 * install, notify, card), with how their failures are read: Graph errors by status and
 * Retry-After; an error from sending the card (the Teams connector) by the `statusCode` and
 * Retry-After it carries; our own refusals (a document that does not match its hash, a signatory
 * without an email) are not transient and wait the longest backoff.
 */
export type StepLedger = ClaimLedger;

export function signatureLedger(db: Db, options: { now?: () => Date; policy?: Partial<DeliveryPolicy> } = {}): StepLedger {
  return new ClaimLedger(db, {
    doneCollection: 'dsaRoutingSteps',
    attemptsCollection: 'dsaRoutingAttempts',
    ...options,
    classify: classifyRoutingError,
    describe: describeGraphError,
  });
}

const permanentNames = new Set(['DocumentMismatch', 'MissingEmail']);

export function classifyRoutingError(error: unknown, now: Date): FailureClassification {
  if (error instanceof Error && permanentNames.has(error.name)) return { transient: false };
  if (graphStatus(error) !== undefined) {
    const seconds = graphRetryAfterSeconds(error);
    return { transient: isTransientGraphError(error), ...(seconds !== undefined ? { retryAt: new Date(now.getTime() + seconds * 1000) } : {}) };
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  const asked = retryAfterOf(error, now);
  const transient = typeof status !== 'number' || status === 408 || status === 412 || status === 429 || status >= 500;
  return { transient, ...(asked ? { retryAt: asked } : {}) };
}
