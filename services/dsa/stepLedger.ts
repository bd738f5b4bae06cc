import type { Collection, Db } from 'mongodb';
import type { z } from 'zod';

import { isDuplicateKey } from '../database/duplicateKey';
import { createIndexesOneByOne } from '../database/indexes';

/**
 * Steps that must each be done once — upload this DSA, share it with this person — recorded in
 * MongoDB with inserts only (FerretDB 1.x applies even a conditional update as an unlocked
 * read-then-write, so an update cannot decide who goes first; an insert with a unique `_id` can):
 *
 *  - `stepAttempts`: before acting, a process claims attempt n of a step by inserting
 *    `<stepId>#<n>` with a lease. One process wins attempt n; the next attempt may only be
 *    claimed once this one has failed (and its retry time has come) or its lease has run out
 *    (the process died). The lease is longer than any single call may take.
 *  - `steps`: a completed step is the insert of `<stepId>` with its result. It is never done
 *    again: every run looks here first, and again right after claiming.
 *
 * A crash between acting and recording is the one window in which a step can be repeated (after
 * the lease); the steps we run are safe to repeat (same file to the same path, same permission).
 */

export interface StepClassification {
  /** Worth trying again soon (throttled, unavailable, no answer); otherwise only after the longest backoff. */
  readonly transient: boolean;
  /** The server's Retry-After, when it sent one. */
  readonly retryAfterSeconds?: number;
}

export type StepOutcome<R> =
  | { readonly kind: 'done'; readonly result: R; readonly now: boolean }
  | { readonly kind: 'waiting'; readonly until: Date; readonly why: 'inProgress' | 'backingOff'; readonly lastError?: string }
  | { readonly kind: 'failed'; readonly retryAt: Date; readonly error: string; readonly transient: boolean };

interface StepRecord {
  _id: string;
  caseId: string;
  result: unknown;
  completedAt: Date;
}

interface StepAttempt {
  _id: string;
  stepId: string;
  caseId: string;
  n: number;
  startedAt: Date;
  leaseUntil: Date;
  outcome?: 'done' | 'failed';
  retryAt?: Date;
  error?: string;
}

export interface StepLedgerOptions {
  readonly leaseMs?: number;
  readonly baseBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly now?: () => Date;
  readonly classify: (error: unknown) => StepClassification;
  /** How an error is written down: short, and without applicant data. */
  readonly describe: (error: unknown) => string;
}

export class StepLedger {
  private readonly steps: Collection<StepRecord>;
  private readonly attempts: Collection<StepAttempt>;
  /** The ledger's clock (tests move it instead of waiting for Retry-After or a lease). */
  readonly now: () => Date;

  constructor(db: Db, private readonly options: StepLedgerOptions) {
    this.steps = db.collection<StepRecord>('dsaRoutingSteps');
    this.attempts = db.collection<StepAttempt>('dsaRoutingAttempts');
    this.now = options.now ?? (() => new Date());
  }

  /** Call once at start (indexes one at a time, collections one after the other). */
  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.steps, [{ key: { caseId: 1 }, name: 'caseSteps' }]);
    await createIndexesOneByOne(this.attempts, [{ key: { stepId: 1, n: -1 }, name: 'stepAttempts' }]);
  }

  async completed<R>(stepId: string, schema: z.ZodType<R>): Promise<R | undefined> {
    const record = await this.steps.findOne({ _id: stepId });
    return record ? schema.parse(record.result) : undefined;
  }

  /** Does the step unless it is done, being done elsewhere, or waiting to be retried. */
  async run<R>(step: { id: string; caseId: string }, schema: z.ZodType<R>, perform: () => Promise<R>): Promise<StepOutcome<R>> {
    const done = await this.completed(step.id, schema);
    if (done !== undefined) return { kind: 'done', result: done, now: false };

    const now = this.now();
    const [last] = await this.attempts.find({ stepId: step.id }).sort({ n: -1 }).limit(1).toArray();
    if (last && !last.outcome && last.leaseUntil > now) return { kind: 'waiting', until: last.leaseUntil, why: 'inProgress' };
    if (last?.outcome === 'failed' && last.retryAt && last.retryAt > now) {
      return { kind: 'waiting', until: last.retryAt, why: 'backingOff', ...(last.error ? { lastError: last.error } : {}) };
    }

    const n = (last?.n ?? 0) + 1;
    const attemptId = `${step.id}#${n}`;
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 120_000));
    try {
      await this.attempts.insertOne({ _id: attemptId, stepId: step.id, caseId: step.caseId, n, startedAt: now, leaseUntil });
    } catch (error) {
      if (isDuplicateKey(error)) return { kind: 'waiting', until: leaseUntil, why: 'inProgress' }; // another process claimed it
      throw error;
    }
    // The previous holder may have finished between our first look and our claim.
    const finishedMeanwhile = await this.completed(step.id, schema);
    if (finishedMeanwhile !== undefined) {
      await this.attempts.updateOne({ _id: attemptId }, { $set: { outcome: 'done' } });
      return { kind: 'done', result: finishedMeanwhile, now: false };
    }

    let result: R;
    try {
      result = await perform();
    } catch (error) {
      const { transient, retryAfterSeconds } = this.options.classify(error);
      const backoff = Math.min(this.options.maxBackoffMs ?? 15 * 60_000, (this.options.baseBackoffMs ?? 5_000) * 2 ** (n - 1));
      const delayMs = transient ? (retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : backoff) : this.options.maxBackoffMs ?? 15 * 60_000;
      const retryAt = new Date(this.now().getTime() + delayMs);
      const description = this.options.describe(error);
      // Only the claimant writes to its own attempt, so this update races with no one.
      await this.attempts.updateOne({ _id: attemptId }, { $set: { outcome: 'failed', retryAt, error: description } });
      return { kind: 'failed', retryAt, error: description, transient };
    }

    try {
      await this.steps.insertOne({ _id: step.id, caseId: step.caseId, result, completedAt: this.now() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Someone finished it too (only after a lease ran out): theirs is the record.
      const theirs = await this.completed(step.id, schema);
      await this.attempts.updateOne({ _id: attemptId }, { $set: { outcome: 'done' } });
      return { kind: 'done', result: theirs ?? result, now: false };
    }
    await this.attempts.updateOne({ _id: attemptId }, { $set: { outcome: 'done' } });
    return { kind: 'done', result, now: true };
  }
}
