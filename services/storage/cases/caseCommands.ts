import type { CaseIndexFields, CaseState, ShownCard } from '../../domain/workflow';
import type { CaseIndex } from './caseIndex';
import type { CaseLog, LoggedEvent } from './caseLog';
import { newOutboxEntry, type OutboxEntry } from './outbox';
import { CaseSnapshots, type CaseSnapshot } from './caseSnapshots';

/**
 * Runs a command against a case: read the case (its snapshot, or its events folded), decide
 * (pure), then commit the events and outbox entries in one insert at the version decided on. On a conflict (someone else's
 * decision landed first) the command is decided again on the fresh case; a command whose key was
 * already applied returns its first outcome; a card whose content has changed since it was shown
 * (the workflow's `isStale`: for most cards any newer version, for signature and review cards
 * only what they showed) gets the current case back instead of a decision.
 */

export type WorkflowDecision<E> =
  | { readonly outcome: 'accepted'; readonly events: E[]; readonly effects: readonly OutboxEntry['effect'][] }
  | { readonly outcome: 'refused'; readonly reason: string; readonly code: string };

export interface CaseWorkflow<S, C, E extends LoggedEvent, X> {
  fold(events: readonly E[]): S | undefined;
  /** The case after one more event: a decision's events applied to the state it was taken on. */
  evolve(state: S | undefined, event: E): S;
  decide(state: S | undefined, command: C, context: X): WorkflowDecision<E>;
  project(state: S): CaseIndexFields;
  /**
   * Whether a card that showed `shown` is stale for this command (pure); without it, any later
   * event makes it so.
   */
  isStale?(state: S | undefined, events: readonly E[], command: C, shown: ShownCard): boolean;
}

/**
 * A case as read for a decision: from its log (`events` present, current when read), or from its
 * snapshot (`events` absent; possibly trailing the log, see caseSnapshots.ts).
 */
export interface LoadedCase<S, E> {
  readonly state: S | undefined;
  readonly version: number;
  readonly head: string;
  readonly events?: E[];
}

export interface CommandRun<X, E = LoggedEvent, S = unknown> {
  readonly caseId: string;
  /** The Teams activity id (or another stable key): a replay returns the first outcome. */
  readonly key: string;
  readonly context: X;
  readonly now: Date;
  /** What the person's card showed (from card data): the version, and for some cards a fingerprint. */
  readonly shown?: ShownCard;
  /**
   * The case as the caller already read it: the first attempt decides on it instead of reading
   * again. A snapshot (no `events`) may trail the log; the commit's insert is what tells.
   */
  readonly loaded?: LoadedCase<S, E>;
  /** The clicked card, updated for everyone within the click's own turn (see `OutboxEntry.updatedInTurn`). */
  readonly updatedInTurn?: string;
}

export type CommandResult<S, E> =
  | { readonly kind: 'applied'; readonly state: S; readonly version: number; readonly events: readonly E[] }
  | { readonly kind: 'replayed'; readonly state: S | undefined; readonly version: number; readonly events: readonly E[] }
  | { readonly kind: 'refused'; readonly reason: string; readonly code: string; readonly state: S | undefined; readonly version: number }
  | { readonly kind: 'stale'; readonly state: S | undefined; readonly version: number };

/**
 * A decision's outbox entries as its commit holds them, with the case as the decision left it:
 * the process that wrote them can deliver them without reading them back (bot/delivery/deliveryRoad.ts).
 */
export interface WrittenOutbox<S> {
  readonly commitId: string;
  readonly caseId: string;
  readonly entries: readonly OutboxEntry[];
  /** The case at `version`, the commit's (whose hash is `head`): current until a later commit exists. */
  readonly state: S;
  readonly version: number;
  readonly head: string;
}

const maxAttempts = 25;

export class CaseCommands<S extends CaseState, C, E extends LoggedEvent, X> {
  private readonly snapshots: CaseSnapshots<S>;

  constructor(
    private readonly log: CaseLog<E>,
    private readonly index: CaseIndex,
    private readonly workflow: CaseWorkflow<S, C, E, X>,
    /** Told the decision's key (the Teams activity id in a turn) and what it wrote, once its outbox entries are written. */
    private readonly onOutboxWritten: (key: string, written: WrittenOutbox<S>) => void = () => undefined,
  ) {
    this.snapshots = new CaseSnapshots<S>(log.db);
  }

  execute(command: C, run: CommandRun<X, E, S>): Promise<CommandResult<S, E>> {
    return this.executeDecision(
      run,
      (state) => this.workflow.decide(state, command, run.context),
      (state, events, version, shown) => this.isStale(state, events, version, command, shown),
    );
  }

  /**
   * Runs a decision the bot itself takes (a deadline reminder) the same way as a person's
   * command: decided on the current case, one insert, keyed, retried on a conflict. `staleFor`
   * says whether the card the run names (`run.shown`) no longer shows the case; without it (the
   * bot's own decisions have no card) nothing is stale.
   */
  async executeDecision(
    run: CommandRun<X, E, S>,
    decideOn: (state: S | undefined) => WorkflowDecision<E>,
    staleFor?: (state: S | undefined, events: readonly E[], version: number, shown: ShownCard) => boolean,
  ): Promise<CommandResult<S, E>> {
    // No look for an earlier outcome first: a command applied before is found by its key when
    // the decision is refused or stale (the case has moved on past it), or by the commit's
    // insert, which collides on the key.
    let read: LoadedCase<S, E> | undefined = run.loaded;
    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      // A card that showed another version than the snapshot's is judged on the events since.
      if (!read || (run.shown && !read.events && run.shown.version !== read.version)) read = await this.fromLog(run.caseId);
      const { state, version, head } = read;
      const stale = run.shown !== undefined && staleFor?.(state, read.events ?? [], version, run.shown) === true;
      const decision = stale ? undefined : decideOn(state);
      if (!decision || decision.outcome === 'refused') {
        // Applied already (a retried activity)? Then the answer is its outcome, not a refusal.
        const earlier = await this.replayIfApplied(run.key);
        if (earlier) return earlier;
        // A refusal must rest on the case as it is, not on a snapshot a commit has overtaken.
        if (await this.trails(run.caseId, read)) {
          read = undefined;
          continue;
        }
        return decision ? { kind: 'refused', reason: decision.reason, code: decision.code, state, version } : { kind: 'stale', state, version };
      }

      const causedBy = decision.events[0]?.actor.id;
      const outbox = decision.effects.map((effect) => newOutboxEntry(effect, run.now, causedBy, run.updatedInTurn));
      const result = await this.log.commit({ caseId: run.caseId, base: version, key: run.key, events: decision.events, outbox, now: run.now, previousHash: head });
      if (result.kind === 'replay') return this.replayed(result.commit.caseId, result.commit.events);
      if (result.kind === 'conflict') {
        read = undefined;
        continue;
      }

      const next = decision.events.reduce<S | undefined>((folded, event) => this.workflow.evolve(folded, event), state)!;
      await this.refreshIndex(run.caseId, next, result.commit.version, result.commit.hash, run.now, version === 0);
      // The entries as stored (what the road would read back), not the ones handed to the insert.
      if (outbox.length > 0) this.onOutboxWritten(run.key, { commitId: result.commit._id, caseId: run.caseId, entries: result.commit.outbox, state: next, version: result.commit.version, head: result.commit.hash });
      return { kind: 'applied', state: next, version: result.commit.version, events: decision.events };
    }
    throw new Error(`Case ${run.caseId} changed ${maxAttempts} times while deciding; try again`);
  }

  /** The case read from its log: every event, folded. */
  private async fromLog(caseId: string): Promise<LoadedCase<S, E>> {
    const loaded = await this.log.load(caseId);
    return { ...loaded, state: this.workflow.fold(loaded.events) };
  }

  /** Whether a case read from its snapshot has been overtaken by a later commit. */
  private async trails(caseId: string, read: LoadedCase<S, E>): Promise<boolean> {
    return !read.events && (await this.log.hasCommitAfter(caseId, read.version));
  }

  private isStale(state: S | undefined, events: readonly E[], version: number, command: C, shown: ShownCard): boolean {
    return this.workflow.isStale ? this.workflow.isStale(state, events, command, shown) : shown.version !== version;
  }

  /**
   * Rewrites the case's projection and its snapshot (side by side); if a newer commit landed
   * meanwhile, writes that one's. `created`: this is the case's first commit.
   */
  async refreshIndex(caseId: string, state: S, version: number, head: string, now: Date, created = false): Promise<void> {
    await this.writeDerived(caseId, { state, version, head }, now, created);
    // One lookup by `_id` says whether anyone committed after us; only then read the whole case.
    if (await this.log.hasCommitAfter(caseId, version)) {
      const latest = await this.fromLog(caseId);
      await this.writeDerived(caseId, { state: latest.state!, version: latest.version, head: latest.head }, now);
    }
  }

  /** `created`: written for the case's first commit (no projection or snapshot exists yet, most likely). */
  private async writeDerived(caseId: string, snapshot: CaseSnapshot<S>, now: Date, created = false): Promise<void> {
    await Promise.all([
      this.index.write(caseId, snapshot.version, this.workflow.project(snapshot.state), snapshot.state, now, created),
      this.snapshots.write(caseId, snapshot, now, created),
    ]);
  }

  private async replayIfApplied(key: string): Promise<CommandResult<S, E> | undefined> {
    const earlier = await this.log.findByKey(key);
    return earlier ? this.replayed(earlier.caseId, earlier.events) : undefined;
  }

  private async replayed(caseId: string, firstOutcome: readonly E[]): Promise<CommandResult<S, E>> {
    const { events, version } = await this.log.load(caseId);
    return { kind: 'replayed', state: this.workflow.fold(events), version, events: firstOutcome };
  }
}
