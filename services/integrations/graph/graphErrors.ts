import { GraphError } from '@microsoft/microsoft-graph-client';

import { retryAfterSeconds } from './graphClient';

/**
 * Reading what Graph said when a call failed: the status, and how long Graph asked us to wait.
 * A failure with no HTTP status (a reset connection, a timeout) is treated as transient.
 */

export function graphStatus(error: unknown): number | undefined {
  return error instanceof GraphError && error.statusCode > 0 ? error.statusCode : undefined;
}

/** Seconds from the failed response's Retry-After header, if Graph sent one. */
export function graphRetryAfterSeconds(error: unknown): number | undefined {
  return error instanceof GraphError ? retryAfterSeconds(error.headers) : undefined;
}

/** Worth trying again later: throttled, unavailable, a gateway error, or no answer at all. */
export function isTransientGraphError(error: unknown): boolean {
  const status = graphStatus(error);
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

/** A short description for logs: the status and Graph's error code, never a request body. */
export function describeGraphError(error: unknown): string {
  if (error instanceof GraphError) return `Graph ${error.statusCode}${error.code ? ` ${error.code}` : ''}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
