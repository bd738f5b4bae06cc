import type { CaseDocument, CaseStore } from '../services/cases/caseStore';
import type { OutboxEntry } from '../services/cases/outbox';
import { describeError, type Logger } from './logger';

/**
 * Delivers outbox entries: the side effects written with each decision. Any number of bot
 * processes may run it: an entry is leased with a conditional update before it is delivered,
 * so only one process sends it; a failed delivery is retried with exponential backoff.
 * Delivery is at least once: a crash after sending and before marking would resend.
 */

export type OutboxDelivery = (stored: CaseDocument, entry: OutboxEntry) => Promise<void>;

const leaseMs = 60_000;
const maxBackoffMs = 5 * 60_000;

export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly store: CaseStore,
    private readonly deliver: OutboxDelivery,
    private readonly logger: Logger,
    private readonly pollMs = 2_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deliver what is due now (called right after a decision, and by the poll). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.logger.error('outbox pass failed', { error: describeError(error) }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async drain(): Promise<void> {
    const now = new Date();
    const cases = await this.store.cases.find({ pendingOutbox: { $exists: true, $ne: [] } }).limit(50).toArray();
    for (const stored of cases) {
      for (const id of stored.pendingOutbox) {
        const entry = stored.outbox[id];
        if (entry && !entry.deliveredAt && new Date(entry.notBefore) <= now && (await this.lease(stored._id, entry, now))) {
          await this.attempt(stored, entry);
        }
      }
    }
  }

  private async lease(caseId: string, entry: OutboxEntry, now: Date): Promise<boolean> {
    const field = `outbox.${entry.id}`;
    const result = await this.store.cases.updateOne(
      { _id: caseId, [`${field}.notBefore`]: entry.notBefore, [`${field}.deliveredAt`]: { $exists: false } },
      { $set: { [`${field}.notBefore`]: new Date(now.getTime() + leaseMs) } },
    );
    return result.modifiedCount === 1;
  }

  private async attempt(stored: CaseDocument, entry: OutboxEntry): Promise<void> {
    const field = `outbox.${entry.id}`;
    try {
      // Re-read so the card shows the case as it is now, not as it was when the entry was queued.
      const current = (await this.store.get(stored._id)) ?? stored;
      await this.deliver(current, entry);
      await this.store.cases.updateOne(
        { _id: stored._id },
        { $set: { [`${field}.deliveredAt`]: new Date(), [`${field}.attempts`]: entry.attempts + 1 }, $pull: { pendingOutbox: entry.id } },
      );
      this.logger.info('outbox entry delivered', { caseRef: stored._id, effect: entry.effect.kind, attempts: entry.attempts + 1 });
    } catch (error) {
      const attempts = entry.attempts + 1;
      const delay = Math.min(maxBackoffMs, retryAfterMs(error) ?? 1000 * 2 ** (attempts - 1));
      await this.store.cases.updateOne(
        { _id: stored._id },
        { $set: { [`${field}.attempts`]: attempts, [`${field}.notBefore`]: new Date(Date.now() + delay), [`${field}.lastError`]: describeError(error) } },
      );
      this.logger.warn('outbox entry failed; will retry', { caseRef: stored._id, effect: entry.effect.kind, attempts, retryInMs: delay, error: describeError(error) });
    }
  }
}

/** Retry-After (seconds) from a throttled answer, where the error carries the response. */
function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}
