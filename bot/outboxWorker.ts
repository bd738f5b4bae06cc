import type { Collection, Db } from 'mongodb';

import type { CaseLog } from '../services/cases/caseLog';
import type { OutboxEntry } from '../services/cases/outbox';
import { isDuplicateKey } from '../services/database/duplicateKey';
import { describeError, type Logger } from './logger';

/**
 * Delivers outbox entries, the side effects written with each decision. Any number of bot
 * processes may run it. Each delivery attempt is claimed by inserting `<entry id>#<n>` into
 * `outboxAttempts` (a unique `_id`, atomic on every server), so one process makes attempt n;
 * an attempt that fails is retried with exponential backoff (or the server's Retry-After),
 * and one whose process died is taken over when its lease runs out.
 * Delivery is at least once: a crash after sending and before recording would resend.
 */

export type OutboxDelivery = (caseId: string, entry: OutboxEntry) => Promise<void>;

interface OutboxAttempt {
  _id: string;
  entryId: string;
  caseId: string;
  n: number;
  startedAt: Date;
  leaseUntil: Date;
  outcome?: 'delivered' | 'failed';
  retryAt?: Date;
  error?: string;
}

const leaseMs = 60_000;
const maxBackoffMs = 5 * 60_000;

export class OutboxWorker {
  private readonly attempts: Collection<OutboxAttempt>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    db: Db,
    private readonly log: CaseLog,
    private readonly deliver: OutboxDelivery,
    private readonly logger: Logger,
    private readonly pollMs = 1_000,
  ) {
    this.attempts = db.collection<OutboxAttempt>('outboxAttempts');
  }

  async ensureIndexes(): Promise<void> {
    await this.attempts.createIndex({ entryId: 1, n: -1 }, { name: 'entryAttempts' });
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Deliver what is due now: called right after a decision, and by the poll. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass()
      .catch((error) => this.logger.error('outbox pass failed', { error: describeError(error) }))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async pass(): Promise<void> {
    const commits = await this.log.commits.find({ outboxPending: true }).limit(100).toArray();
    for (const commit of commits) {
      for (const entryId of commit.pendingOutbox) {
        const entry = commit.outbox.find((candidate) => candidate.id === entryId);
        if (entry) await this.tryDeliver(commit.caseId, commit._id, entry);
      }
    }
  }

  private async tryDeliver(caseId: string, commitId: string, entry: OutboxEntry): Promise<void> {
    const now = new Date();
    const [last] = await this.attempts.find({ entryId: entry.id }).sort({ n: -1 }).limit(1).toArray();
    if (last?.outcome === 'delivered') return this.forget(commitId, entry.id);
    if (last && !last.outcome && last.leaseUntil > now) return; // another process is on it
    if (last?.outcome === 'failed' && last.retryAt && last.retryAt > now) return; // backing off

    const n = (last?.n ?? 0) + 1;
    const attemptId = `${entry.id}#${n}`;
    try {
      await this.attempts.insertOne({ _id: attemptId, entryId: entry.id, caseId, n, startedAt: now, leaseUntil: new Date(now.getTime() + leaseMs) });
    } catch (error) {
      if (isDuplicateKey(error)) return; // another process claimed this attempt
      throw error;
    }

    try {
      await this.deliver(caseId, entry);
      await this.attempts.updateOne({ _id: attemptId }, { $set: { outcome: 'delivered' } });
      await this.forget(commitId, entry.id);
      this.logger.info('outbox entry delivered', { caseRef: caseId, effect: entry.effect.kind, attempt: n });
    } catch (error) {
      const delay = Math.min(maxBackoffMs, retryAfterMs(error) ?? 1000 * 2 ** (n - 1));
      await this.attempts.updateOne(
        { _id: attemptId },
        { $set: { outcome: 'failed', retryAt: new Date(Date.now() + delay), error: describeError(error) } },
      );
      this.logger.warn('outbox entry failed; will retry', { caseRef: caseId, effect: entry.effect.kind, attempt: n, retryInMs: delay, error: describeError(error) });
    }
  }

  /** Drops the hint that the entry is pending; the attempts collection stays the truth. */
  private async forget(commitId: string, entryId: string): Promise<void> {
    await this.log.commits.updateOne({ _id: commitId }, { $pull: { pendingOutbox: entryId } });
    // Only a delivered entry is ever pulled, so an empty list means nothing is left to send.
    await this.log.commits.updateOne({ _id: commitId, pendingOutbox: { $size: 0 } }, { $unset: { outboxPending: '' } });
  }
}

/** Retry-After (seconds) from a throttled answer, where the error carries the response. */
function retryAfterMs(error: unknown): number | undefined {
  const response = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response;
  const value = response?.headers?.get?.('retry-after');
  const seconds = value ? Number(value) : NaN;
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}
