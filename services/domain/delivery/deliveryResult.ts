/**
 * What one attempt at a side effect says about the next: done, or "try again at" a time it
 * knows (a server's Retry-After, a DSA step backing off, a lease held by another process). A
 * thrown error is the third answer: the road backs off by its policy, or by the Retry-After the
 * error carries (`retryAfterOf`).
 */
export type DeliveryResult =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'retryAt'; readonly at: Date; readonly reason: string };

export const delivered: DeliveryResult = { kind: 'delivered' };

export function retryAt(at: Date, reason: string): DeliveryResult {
  return { kind: 'retryAt', at, reason };
}

/**
 * The time an HTTP error from Teams or Graph asks us to wait until (its Retry-After header in
 * seconds), read from the error the client threw; undefined when it gave none.
 */
export function retryAfterOf(error: unknown, now: Date): Date | undefined {
  const response = (error as { response?: { headers?: unknown } } | undefined)?.response;
  const headers = response?.headers as { get?(name: string): string | null | undefined } | Record<string, unknown> | undefined;
  const raw = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, unknown> | undefined)?.['retry-after'];
  const seconds = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? new Date(now.getTime() + seconds * 1000) : undefined;
}
