import type { Db } from 'mongodb';
import { z } from 'zod';

import type { CaseLog } from '../../services/storage/cases/caseLog';
import type { WrittenOutbox } from '../../services/storage/cases/caseCommands';
import type { CaseState } from '../../services/domain/workflow';
import type { LoadedDarsCase } from '../../services/storage/cases/caseStates';
import type { OutboxEntry } from '../../services/storage/cases/outbox';
import type { DeliveryPolicy } from '../../services/domain/delivery/backoff';
import { isExhausted } from '../../services/domain/delivery/backoff';
import { ClaimLedger, type FailureClassification } from '../../services/storage/delivery/claimLedger';
import { retryAfterOf, type DeliveryResult } from '../../services/domain/delivery/deliveryResult';
import type { DeadLetters } from './deadLetters';
import { describeError, type Logger } from '../runtime/logger';

/**
 * The delivery road: the one runner for every side effect the bot owes — outbox entries written
 * with each decision (cards, notices, card updates, DSA signature requests with their Graph
 * steps, deadline reminders and escalations) and the reports of dead letters. Any number of bot
 * processes may run it.
 *
 *  - Claim: each attempt at an entry is an insert into the claim ledger (`deliveryAttempts`,
 *    `<entry id>#<n>`, with a lease); a delivered entry is the insert of its id into `deliveries`.
 *  - Lanes: a pass reads the pending entries in a stable order (oldest commit first) and starts
 *    one lane per case, lanes running concurrently; within a lane a case's entries go in order.
 *    The process that wrote a decision hands its entries over (`deliverWritten`), with the case
 *    as the decision left it: their lane starts without the pass's read, and a card is rendered
 *    from that case unless a later commit exists (one lookup by `_id` instead of two).
 *    Sends are paced per conversation by schedule (`ConversationPacer`), so a burst into one
 *    channel waits only on itself and a notice to anyone else goes at once.
 *  - Retry: a failed attempt waits the policy's backoff (exponential, jittered, capped), or
 *    until the time the server or a DSA step asked for (a typed "retry at", `DeliveryResult`).
 *    An entry backing off is skipped by every pass until its time, without a database read.
 *  - Dead letters: after `maxAttempts` failures, or `maxAge` after it was written, an entry
 *    leaves the pending list for `deadLetters` and DARS staff are told in the triage channel;
 *    `@DARS Bot retry <id>` puts it back with a fresh budget. So no failing entry can hold up
 *    the rest: it is skipped while it waits, and gone from the pending list once it gives up.
 *
 * Delivery is at least once: a crash after sending and before recording would resend after the
 * lease (receipts per target keep a partly done entry from repeating the people it reached).
 */

/**
 * Delivers one outbox entry; returns a "retry at" when it is not finished, throws on failure.
 * `firstAttempt`: no attempt at it came before, so nothing of it was sent yet (no receipts).
 * `written`: the case as the decision that wrote the entry left it, when this process wrote it.
 */
export type OutboxDelivery = (caseId: string, entry: OutboxEntry, firstAttempt: boolean, written?: WrittenCase) => Promise<DeliveryResult | void>;

/** The case at the version of the commit that holds an entry: current until a later commit exists. */
export type WrittenCase = LoadedDarsCase;

export interface DeliveryRoadOptions {
  readonly policy?: Partial<DeliveryPolicy>;
  readonly pollMs?: number;
  /** How many cases deliver at once in this process. */
  readonly lanes?: number;
}

interface PendingEntry {
  readonly commitId: string;
  readonly caseId: string;
  readonly entry: OutboxEntry;
  /** The commit's pending list as the pass read it. */
  readonly pendingWithIt: readonly string[];
  /** The case as the decision left it, when this process wrote the entry. */
  readonly written?: WrittenCase;
}

const deliveredSchema = z.literal(true);

export class DeliveryRoad {
  readonly ledger: ClaimLedger;
  private readonly pollMs: number;
  private readonly laneLimit: number;
  /** Entries known (in this process) to be waiting: not read again before this time. */
  private readonly notBefore = new Map<string, number>();
  private readonly lanes = new Map<string, Promise<void>>();
  /**
   * Cases a pass found work for while their lane was running, so left for that lane's end; and
   * whether a pass stopped at the lane limit. Only then does a lane's end look again: any other
   * new work kicked the road itself, and a look after every lane would be a read per decision.
   */
  private readonly readAgainAfterLane = new Set<string>();
  private readAgainWhenLaneFree = false;
  private timer: NodeJS.Timeout | undefined;
  private passing: Promise<void> | undefined;
  private reporting: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    db: Db,
    private readonly log: CaseLog,
    private readonly deliver: OutboxDelivery,
    private readonly deadLetters: DeadLetters,
    private readonly logger: Logger,
    options: DeliveryRoadOptions = {},
  ) {
    this.ledger = new ClaimLedger(db, {
      doneCollection: 'deliveries',
      attemptsCollection: 'deliveryAttempts',
      ...(options.policy ? { policy: options.policy } : {}),
      classify: classifyDeliveryError,
      describe: shortError,
    });
    this.pollMs = options.pollMs ?? 1_000;
    this.laneLimit = options.lanes ?? 32;
  }

  async ensureIndexes(): Promise<void> {
    await this.ledger.ensureIndexes();
    await this.deadLetters.ensureIndexes();
  }

  start(): void {
    this.timer = setInterval(() => this.poll(), this.pollMs);
    this.timer.unref();
    this.poll();
  }

  /**
   * The timer's look: for entries, and for dead letters not yet reported (this process reports
   * its own at once; another's, or a report that failed, within a poll). Not on every kick: a
   * busy bot kicks after each decision and each lane, and each look at dead letters is a read.
   */
  private poll(): void {
    this.kick();
    this.reportDeadLetters();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.passing;
    await Promise.all([...this.lanes.values(), this.reporting]);
  }

  /** Looks for work now: called right after a decision, by the poll, and when a lane ends that a pass had to leave work to. */
  kick(): void {
    if (this.stopped) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.passing = this.pass()
      .catch((error) => this.logger.error('delivery pass failed', { error: describeError(error) }))
      .finally(() => {
        this.passing = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Starts a lane for each case with an entry due; returns without waiting for the lanes. */
  private async pass(): Promise<void> {
    const now = Date.now();
    const byCase = new Map<string, PendingEntry[]>();
    const stillPending = new Set<string>();
    const commits = this.log.commits
      .find({ outboxPending: true }, { projection: { caseId: 1, outbox: 1, pendingOutbox: 1, committedAt: 1 } })
      .sort({ committedAt: 1, _id: 1 });
    for await (const commit of commits) {
      for (const entryId of commit.pendingOutbox) {
        stillPending.add(entryId);
        if ((this.notBefore.get(entryId) ?? 0) > now) continue;
        const entry = commit.outbox.find((candidate) => candidate.id === entryId);
        if (!entry) continue;
        const lane = byCase.get(commit.caseId) ?? [];
        lane.push({ commitId: commit._id, caseId: commit.caseId, entry, pendingWithIt: commit.pendingOutbox });
        byCase.set(commit.caseId, lane);
      }
    }
    // Entries another process finished or gave up on need no waiting time here any more.
    for (const entryId of this.notBefore.keys()) if (!stillPending.has(entryId)) this.notBefore.delete(entryId);
    for (const [caseId, entries] of byCase) if (!this.startLane(caseId, entries)) break;
  }

  /**
   * A decision's entries, from the process that wrote them, once its turn has answered: their
   * case's lane starts now, without the pass's read. If that lane is already running, or every
   * lane is, the next pass finds them (as it finds everyone else's).
   */
  deliverWritten(written: WrittenOutbox<CaseState>): void {
    if (this.stopped) return;
    const pendingWithIt = written.entries.map((entry) => entry.id);
    this.startLane(written.caseId, written.entries.map((entry) => ({ commitId: written.commitId, caseId: written.caseId, entry, pendingWithIt, written })));
  }

  /** Starts the case's lane; false when every lane is taken (the pass stops there). */
  private startLane(caseId: string, entries: readonly PendingEntry[]): boolean {
    if (this.lanes.has(caseId)) {
      this.readAgainAfterLane.add(caseId); // that case's lane will read again when it ends
      return true;
    }
    if (this.lanes.size >= this.laneLimit) {
      this.readAgainWhenLaneFree = true;
      return false;
    }
    const lane = this.runLane(entries).finally(() => {
      this.lanes.delete(caseId);
      if (this.readAgainAfterLane.delete(caseId) || this.readAgainWhenLaneFree) {
        this.readAgainWhenLaneFree = false;
        this.kick();
      }
    });
    this.lanes.set(caseId, lane);
    return true;
  }

  /** Tells triage about new dead letters, beside the lanes: a busy triage channel holds up no pass. */
  private reportDeadLetters(): void {
    if (this.reporting || this.stopped) return;
    this.reporting = this.deadLetters
      .reportPending(this.ledger)
      .catch((error) => this.logger.error('dead-letter report failed', { error: describeError(error) }))
      .finally(() => {
        this.reporting = undefined;
      });
  }

  private async runLane(entries: readonly PendingEntry[]): Promise<void> {
    for (const pending of entries) {
      if (this.stopped) return;
      try {
        await this.runEntry(pending);
      } catch (error) {
        // The bookkeeping failed (e.g. the database went away): the entry stays pending.
        this.logger.error('delivery bookkeeping failed', { caseRef: pending.caseId, error: describeError(error) });
      }
    }
  }

  private async runEntry({ commitId, caseId, entry, pendingWithIt, written }: PendingEntry): Promise<void> {
    // An entry this process has not seen wait or fail is most likely new: claim its first attempt at once.
    const firstLook = !this.notBefore.has(entry.id);
    const outcome = await this.ledger.run({ id: entry.id, caseId }, deliveredSchema, async (attempt) => {
      const result = await withinLease(this.deliver(caseId, entry, attempt === 1, written), this.ledger.policy.leaseMs);
      return result?.kind === 'retryAt' ? result : { kind: 'done', result: true as const };
    }, { firstLook });
    switch (outcome.kind) {
      case 'done':
        this.notBefore.delete(entry.id);
        await this.forget(commitId, entry.id, pendingWithIt);
        if (outcome.now) this.logger.info('outbox entry delivered', { caseRef: caseId, effect: entry.effect.kind });
        return;
      case 'waiting':
        this.wakeAt(entry.id, outcome.until);
        return;
      case 'failed': {
        const now = this.ledger.now();
        const round = await this.deadLetters.roundOf(entry.id);
        const failures = outcome.attempt - (round?.attemptsBefore ?? 0);
        const since = round?.retriedAt ?? new Date(entry.createdAt);
        if (isExhausted(this.ledger.policy, failures, since, now)) {
          await this.deadLetters.add({ commitId, caseId, entry, attempts: outcome.attempt, lastError: outcome.error, at: now });
          this.reportDeadLetters();
          this.notBefore.delete(entry.id);
          await this.forget(commitId, entry.id, pendingWithIt);
          this.logger.error('outbox entry dead-lettered', { caseRef: caseId, effect: entry.effect.kind, attempts: failures, error: outcome.error });
          return;
        }
        this.wakeAt(entry.id, outcome.retryAt);
        this.logger.warn('outbox entry failed; will retry', { caseRef: caseId, effect: entry.effect.kind, attempt: outcome.attempt, retryInMs: outcome.retryAt.getTime() - now.getTime(), error: outcome.error });
        return;
      }
    }
  }

  /** Skips the entry until `at`, and looks again then (the poll would, too, within a second). */
  private wakeAt(entryId: string, at: Date): void {
    this.notBefore.set(entryId, at.getTime());
    const delay = at.getTime() - Date.now();
    if (delay > 0 && delay < this.pollMs) setTimeout(() => this.kick(), delay).unref();
  }

  /** Drops the hint that the entry is pending; the ledger's done record stays the truth. */
  private async forget(commitId: string, entryId: string, pendingWithIt: readonly string[]): Promise<void> {
    if (pendingWithIt.length === 1 && pendingWithIt[0] === entryId) {
      // The commit's last pending entry (as read): one write, if the list is still just that.
      const cleared = await this.log.commits.updateOne({ _id: commitId, pendingOutbox: [entryId] }, { $set: { pendingOutbox: [] }, $unset: { outboxPending: '' } });
      if (cleared.modifiedCount === 1) return;
    }
    await this.log.commits.updateOne({ _id: commitId }, { $pull: { pendingOutbox: entryId } });
    // Only a finished entry is ever pulled, so an empty list means nothing is left to send.
    await this.log.commits.updateOne({ _id: commitId, pendingOutbox: { $size: 0 } }, { $unset: { outboxPending: '' } });
  }
}

/**
 * A call that hangs (Teams never answers) fails shortly before its lease runs out, so it frees
 * its lane here and counts as a failed attempt, rather than blocking the case until restart.
 */
async function withinLease<T>(work: Promise<T>, leaseMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('No answer within the delivery lease')), Math.floor(leaseMs * 0.9));
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Teams' answers: 429, 412, 408 and 5xx (or no answer at all) are worth retrying soon, with the
 * Retry-After Teams sent; any other refusal (403: the bot was removed from the chat) is retried
 * only after the longest wait, and dead-lettered when its attempts run out.
 */
export function classifyDeliveryError(error: unknown, now: Date): FailureClassification {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  const transient = typeof status !== 'number' || status === 408 || status === 412 || status === 429 || status >= 500;
  const asked = retryAfterOf(error, now);
  return { transient, ...(asked ? { retryAt: asked } : {}) };
}

/** What staff and the logs see of a failure: its class and message, at most 200 characters. */
function shortError(error: unknown): string {
  const text = describeError(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
