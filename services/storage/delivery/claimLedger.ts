import type { Collection, Db } from 'mongodb';
import type { z } from 'zod';

import { insertedFresh, isDuplicateKey } from '../database/duplicateKey';
import { createIndexesOneByOne } from '../database/indexes';
import { defaultDeliveryPolicy, nextAttemptAt, type DeliveryPolicy } from '../../domain/delivery/backoff';

/**
 * Work that must each be done once — deliver this outbox entry, upload this DSA, share it with
 * this person — recorded with inserts only (FerretDB 1.x applies even a conditional update as an
 * unlocked read-then-write, so an update cannot decide who goes first; an insert with a unique
 * `_id` can). The one ledger of the delivery road; each use names its two collections:
 *
 *  - attempts: before acting, a process claims attempt n of a piece of work by inserting
 *    `<workId>#<n>` with a lease. One process wins attempt n; the next may only be claimed once
 *    this one has failed (and its retry time has come) or its lease has run out (the process
 *    died). The lease is longer than any single call may take. Only the claimant writes to its
 *    own attempt afterwards, so that update races with no one.
 *  - done: completed work is the insert of `<workId>` with its result. It is never done again:
 *    every run looks here first, and again right after claiming.
 *
 * A crash between acting and recording is the one window in which work can be repeated (after
 * the lease): delivery is at least once, and the work we run is safe to repeat or guarded by
 * receipts.
 */

export interface FailureClassification {
  /** Worth trying again soon (throttled, unavailable, no answer); otherwise only after the cap. */
  readonly transient: boolean;
  /** When the server asked us to come back (Retry-After), if it did. */
  readonly retryAt?: Date;
}

/** What one attempt did: finished with a result, or knows when it can make progress. */
export type Performed<R> =
  | { readonly kind: 'done'; readonly result: R }
  | { readonly kind: 'retryAt'; readonly at: Date; readonly reason: string };

export type ClaimOutcome<R> =
  | { readonly kind: 'done'; readonly result: R; readonly now: boolean }
  | { readonly kind: 'waiting'; readonly until: Date; readonly why: 'inProgress' | 'backingOff'; readonly lastError?: string }
  | { readonly kind: 'failed'; readonly retryAt: Date; readonly error: string; readonly transient: boolean; readonly attempt: number };

interface DoneRecord {
  _id: string;
  caseId: string;
  result: unknown;
  completedAt: Date;
}

interface Attempt {
  _id: string;
  workId: string;
  caseId: string;
  n: number;
  startedAt: Date;
  leaseUntil: Date;
  outcome?: 'done' | 'failed';
  retryAt?: Date;
  error?: string;
}

export interface ClaimLedgerOptions {
  readonly doneCollection: string;
  readonly attemptsCollection: string;
  readonly policy?: Partial<DeliveryPolicy>;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly classify: (error: unknown, now: Date) => FailureClassification;
  /** How an error is written down: short, and without applicant data. */
  readonly describe: (error: unknown) => string;
}

export class ClaimLedger {
  private readonly done: Collection<DoneRecord>;
  private readonly attempts: Collection<Attempt>;
  readonly policy: DeliveryPolicy;
  /** The ledger's clock (tests move it instead of waiting for Retry-After or a lease). */
  readonly now: () => Date;
  private readonly random: () => number;

  constructor(db: Db, private readonly options: ClaimLedgerOptions) {
    this.done = db.collection<DoneRecord>(options.doneCollection);
    this.attempts = db.collection<Attempt>(options.attemptsCollection);
    this.policy = { ...defaultDeliveryPolicy, ...options.policy };
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
  }

  /** Call once at start (indexes one at a time, collections one after the other). */
  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.done, [{ key: { caseId: 1 }, name: 'caseWork' }]);
    await createIndexesOneByOne(this.attempts, [{ key: { workId: 1, n: -1 }, name: 'workAttempts' }]);
  }

  async completed<R>(workId: string, schema: z.ZodType<R>): Promise<R | undefined> {
    const record = await this.done.findOne({ _id: workId });
    return record ? schema.parse(record.result) : undefined;
  }

  /** How many attempts at the work have been claimed so far. */
  async attemptsMade(workId: string): Promise<number> {
    const [last] = await this.attempts.find({ workId }).sort({ n: -1 }).limit(1).toArray();
    return last?.n ?? 0;
  }

  /**
   * Does the work unless it is done, being done elsewhere, or waiting to be retried.
   *
   * `firstLook`: the caller has no sign that the work was ever tried (the road meeting a new
   * outbox entry), so it claims attempt 1 straight away, without the two reads. Winning it is
   * proof enough: work is only ever done under a claimed attempt, so if attempt 1 was free,
   * nobody has done it or is doing it. If it was taken, the ordinary look below decides.
   */
  async run<R>(work: { id: string; caseId: string }, schema: z.ZodType<R>, perform: (attempt: number) => Promise<Performed<R>>, options: { readonly firstLook?: boolean } = {}): Promise<ClaimOutcome<R>> {
    if (options.firstLook && (await this.claim(work, 1, this.now()))) return this.performClaimed(work, 1, schema, perform);

    const done = await this.completed(work.id, schema);
    if (done !== undefined) return { kind: 'done', result: done, now: false };

    const now = this.now();
    const [last] = await this.attempts.find({ workId: work.id }).sort({ n: -1 }).limit(1).toArray();
    if (last && !last.outcome && last.leaseUntil > now) return { kind: 'waiting', until: last.leaseUntil, why: 'inProgress' };
    if (last?.outcome === 'failed' && last.retryAt && last.retryAt > now) {
      return { kind: 'waiting', until: last.retryAt, why: 'backingOff', ...(last.error ? { lastError: last.error } : {}) };
    }

    const n = (last?.n ?? 0) + 1;
    // Another process claimed it first.
    if (!(await this.claim(work, n, now))) return { kind: 'waiting', until: new Date(now.getTime() + this.policy.leaseMs), why: 'inProgress' };
    // The previous holder may have finished between our first look and our claim. (Winning the
    // first attempt means nobody else ever held one, so then there is nothing to look for.)
    const finishedMeanwhile = n > 1 ? await this.completed(work.id, schema) : undefined;
    if (finishedMeanwhile !== undefined) return { kind: 'done', result: finishedMeanwhile, now: false };
    return this.performClaimed(work, n, schema, perform);
  }

  /** Claims attempt `n` (one insert, with a lease); false when another process holds it. */
  private async claim(work: { id: string; caseId: string }, n: number, now: Date): Promise<boolean> {
    const leaseUntil = new Date(now.getTime() + this.policy.leaseMs);
    return insertedFresh(this.attempts, { _id: `${work.id}#${n}`, workId: work.id, caseId: work.caseId, n, startedAt: now, leaseUntil });
  }

  /** Runs the work under attempt `n`, which this process holds, and records how it went. */
  private async performClaimed<R>(work: { id: string; caseId: string }, n: number, schema: z.ZodType<R>, perform: (attempt: number) => Promise<Performed<R>>): Promise<ClaimOutcome<R>> {
    const attemptId = `${work.id}#${n}`;
    let performed: Performed<R>;
    try {
      performed = await perform(n);
    } catch (error) {
      const failedAt = this.now();
      const { transient, retryAt: asked } = this.options.classify(error, failedAt);
      const retryAt = transient ? nextAttemptAt(this.policy, n, failedAt, this.random(), asked) : new Date(failedAt.getTime() + this.policy.capMs);
      return this.failed(attemptId, n, retryAt, this.options.describe(error), transient);
    }
    if (performed.kind === 'retryAt') {
      const failedAt = this.now();
      return this.failed(attemptId, n, nextAttemptAt(this.policy, n, failedAt, this.random(), performed.at), performed.reason, true);
    }

    try {
      await this.done.insertOne({ _id: work.id, caseId: work.caseId, result: performed.result, completedAt: this.now() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // Someone finished it too (only after a lease ran out): theirs is the record.
      return { kind: 'done', result: (await this.completed(work.id, schema)) ?? performed.result, now: false };
    }
    // The done record is the truth; the attempt keeps its lease, which no one reads once done.
    return { kind: 'done', result: performed.result, now: true };
  }

  private async failed<R>(attemptId: string, n: number, retryAt: Date, error: string, transient: boolean): Promise<ClaimOutcome<R>> {
    await this.attempts.updateOne({ _id: attemptId }, { $set: { outcome: 'failed', retryAt, error } });
    return { kind: 'failed', retryAt, error, transient, attempt: n };
  }
}
