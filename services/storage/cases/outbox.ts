import { randomUUID } from 'node:crypto';

/**
 * Outbox entries: the side effects of a decision (post a card, tell someone), written in the
 * same single-document insert as the decision's events, so a crash between the decision and its
 * delivery loses nothing. The outbox worker delivers them with retry and backoff.
 */
export interface OutboxEntry {
  readonly id: string;
  /** What to do, as data; cards are rendered from the stored case when delivered. */
  readonly effect: Readonly<Record<string, unknown>> & { readonly kind: string };
  readonly createdAt: Date;
  /** Who made the decision: they see its result in their own turn, so notices skip them. */
  readonly causedBy?: string;
  /**
   * The card (its Teams activity id) the click that made the decision came from: the click's own
   * turn updates it for everyone before answering the clicker, so card updates skip it (one write
   * per posted card, and the clicker keeps the view their invoke response gave them).
   */
  readonly updatedInTurn?: string;
}

export function newOutboxEntry(effect: OutboxEntry['effect'], now: Date, causedBy?: string, updatedInTurn?: string): OutboxEntry {
  return { id: randomUUID(), effect, createdAt: now, ...(causedBy ? { causedBy } : {}), ...(updatedInTurn ? { updatedInTurn } : {}) };
}
