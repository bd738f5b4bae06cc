/**
 * When to try a side effect again, and when to give up on it: one policy for every delivery on
 * the road (outbox entries, deadline notices, DSA signature steps). Pure, so the numbers are
 * tested on their own.
 *
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * base × 2^(n-1), never more than the cap, so processes retrying the same failure spread out.
 * A server's Retry-After (or a step's own "retry at") wins over the backoff, still within the cap.
 */
export interface DeliveryPolicy {
  /** The first retry waits about this long. */
  readonly baseMs: number;
  /** No wait is longer than this. */
  readonly capMs: number;
  /** After this many failed attempts the entry is dead-lettered and staff are told. */
  readonly maxAttempts: number;
  /** An entry still undelivered this long after it was written is dead-lettered too. */
  readonly maxAgeMs: number;
  /** A claimed attempt not finished by then is taken to have died with its process. */
  readonly leaseMs: number;
}

export const defaultDeliveryPolicy: DeliveryPolicy = {
  baseMs: 2_000,
  capMs: 10 * 60_000,
  maxAttempts: 12,
  maxAgeMs: 24 * 60 * 60_000,
  leaseMs: 2 * 60_000,
};

/** How long attempt `attempt` (1-based) waits before the next, given a random number in [0, 1). */
export function backoffMs(policy: Pick<DeliveryPolicy, 'baseMs' | 'capMs'>, attempt: number, random: number): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 40)));
  return Math.round(exponential / 2 + (exponential / 2) * Math.min(Math.max(random, 0), 1));
}

/**
 * When the next attempt may start after attempt `attempt` failed at `now`: at the time the
 * server asked for (Retry-After, or a step's "retry at") when it gave one, else after the backoff;
 * never later than the cap.
 */
export function nextAttemptAt(policy: DeliveryPolicy, attempt: number, now: Date, random: number, askedFor?: Date): Date {
  const wait = askedFor ? Math.max(0, askedFor.getTime() - now.getTime()) : backoffMs(policy, attempt, random);
  return new Date(now.getTime() + Math.min(policy.capMs, wait));
}

/** Whether an entry that has now failed `failedAttempts` times since `since` should be given up. */
export function isExhausted(policy: DeliveryPolicy, failedAttempts: number, since: Date, now: Date): boolean {
  return failedAttempts >= policy.maxAttempts || now.getTime() - since.getTime() >= policy.maxAgeMs;
}
