import { randomUUID } from 'node:crypto';

/**
 * Outbox entries: side effects decided with a change of case state (post a card, tell someone)
 * and written in the same single-document update as the events, so a crash between the
 * decision and its delivery loses nothing. A worker delivers them with retry and backoff.
 */
export interface OutboxEntry {
  readonly id: string;
  /** What to do, as data; the worker renders cards from the stored case at delivery time. */
  readonly effect: Record<string, unknown> & { kind: string };
  readonly createdAt: Date;
  attempts: number;
  /** Not before this time (backoff after a failure, or a lease while a worker delivers it). */
  notBefore: Date;
  deliveredAt?: Date;
  lastError?: string;
}

export function newOutboxEntry(effect: OutboxEntry['effect'], now: Date): OutboxEntry {
  return { id: randomUUID(), effect, createdAt: now, attempts: 0, notBefore: now };
}
