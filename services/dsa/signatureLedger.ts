import type { Db } from 'mongodb';

import { describeGraphError, graphRetryAfterSeconds, graphStatus, isTransientGraphError } from '../graph/graphErrors';
import { StepLedger, type StepClassification } from './stepLedger';

/**
 * The step ledger for DSA signature requests, with how their failures are read: Graph errors by
 * status and Retry-After; an error from sending the card (the Teams connector) by the
 * `statusCode` and Retry-After it carries; our own refusals (a document that does not match its
 * hash, a signatory without an email) are not transient and wait the longest backoff.
 */
export function signatureLedger(db: Db, options: { now?: () => Date; leaseMs?: number; baseBackoffMs?: number; maxBackoffMs?: number } = {}): StepLedger {
  return new StepLedger(db, { ...options, classify: classifyRoutingError, describe: describeGraphError });
}

const permanentNames = new Set(['DocumentMismatch', 'MissingEmail']);

export function classifyRoutingError(error: unknown): StepClassification {
  if (error instanceof Error && permanentNames.has(error.name)) return { transient: false };
  if (graphStatus(error) !== undefined) {
    const retryAfter = graphRetryAfterSeconds(error);
    return { transient: isTransientGraphError(error), ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) };
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  const header = (error as { response?: { headers?: { get?(name: string): string | null | undefined } } }).response?.headers?.get?.('retry-after');
  const retryAfter = header ? Number(header) : NaN;
  const transient = typeof status !== 'number' || status === 408 || status === 412 || status === 429 || status >= 500;
  return { transient, ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}) };
}
