import type { CaseIndexFields, CaseState, ShownCard } from '../workflow';
import type { CaseIndex } from './caseIndex';
import type { CaseLog, LoggedEvent } from './caseLog';
import { newOutboxEntry, type OutboxEntry } from './outbox';

/**
 * Runs a command against a case: load its events, fold, decide (pure), then commit the events
 * and outbox entries in one insert at the version decided on. On a conflict (someone else's
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
  decide(state: S | undefined, command: C, context: X): WorkflowDecision<E>;
  project(state: S): CaseIndexFields;
  /**
   * Whether a card that showed `shown` is stale for this command (pure); without it, any later
   * event makes it so.
   */
  isStale?(state: S | undefined, events: readonly E[], command: C, shown: ShownCard): boolean;
}

export interface CommandRun<X, E = LoggedEvent> {
  readonly caseId: string;
  /** The Teams activity id (or another stable key): a replay returns the first outcome. */
  readonly key: string;
  readonly context: X;
  readonly now: Date;
  /** What the person's card showed (from card data): the version, and for some cards a fingerprint. */
  readonly shown?: ShownCard;
  /** The case as the caller already loaded it: the first attempt decides on it instead of reading again. */
  readonly loaded?: { readonly events: E[]; readonly version: number; readonly head: string };
  /** The clicked card, updated for everyone within the click's own turn (see `OutboxEntry.updatedInTurn`). */
  readonly updatedInTurn?: string;
}

export type CommandResult<S, E> =
  | { readonly kind: 'applied'; readonly state: S; readonly version: number; readonly events: readonly E[] }
  | { readonly kind: 'replayed'; readonly state: S | undefined; readonly version: number; readonly events: readonly E[] }
  | { readonly kind: 'refused'; readonly reason: string; readonly code: string; readonly state: S | undefined; readonly version: number }
  | { readonly kind: 'stale'; readonly state: S | undefined; readonly version: number };

const maxAttempts = 25;

export class CaseCommands<S extends CaseState, C, E extends LoggedEvent, X> {
  constructor(
    private readonly log: CaseLog<E>,
    private readonly index: CaseIndex,
    private readonly workflow: CaseWorkflow<S, C, E, X>,
    private readonly onOutboxWritten: () => void = () => undefined,
  ) {}

  execute(command: C, run: CommandRun<X, E>): Promise<CommandResult<S, E>> {
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
    run: CommandRun<X, E>,
    decideOn: (state: S | undefined) => WorkflowDecision<E>,
    staleFor?: (state: S | undefined, events: readonly E[], version: number, shown: ShownCard) => boolean,
  ): Promise<CommandResult<S, E>> {
    const earlier = await this.replayIfApplied(run.key);
    if (earlier) return earlier;

    for (let attempt = 0; attempt < maxAttempts; attempt++) {
      const { events, version, head } = attempt === 0 && run.loaded ? run.loaded : await this.log.load(run.caseId);
      const state = this.workflow.fold(events);
      if (run.shown && staleFor?.(state, events, version, run.shown)) {
        return (await this.replayIfApplied(run.key)) ?? { kind: 'stale', state, version };
      }

      const decision = decideOn(state);
      if (decision.outcome === 'refused') {
        // The same command may have been applied by a racing replay between our first look and
        // our load; then the answer is its outcome, not a refusal of the repeat.
        return (await this.replayIfApplied(run.key)) ?? { kind: 'refused', reason: decision.reason, code: decision.code, state, version };
      }

      const causedBy = decision.events[0]?.actor.id;
      const outbox = decision.effects.map((effect) => newOutboxEntry(effect, run.now, causedBy, run.updatedInTurn));
      const result = await this.log.commit({ caseId: run.caseId, base: version, key: run.key, events: decision.events, outbox, now: run.now, previousHash: head });
      if (result.kind === 'replay') return this.replayed(result.commit.caseId, result.commit.events);
      if (result.kind === 'conflict') continue;

      const all = [...events, ...decision.events];
      const next = this.workflow.fold(all)!;
      await this.refreshIndex(run.caseId, next, result.commit.version, run.now);
      if (outbox.length > 0) this.onOutboxWritten();
      return { kind: 'applied', state: next, version: result.commit.version, events: decision.events };
    }
    throw new Error(`Case ${run.caseId} changed ${maxAttempts} times while deciding; try again`);
  }

  private isStale(state: S | undefined, events: readonly E[], version: number, command: C, shown: ShownCard): boolean {
    return this.workflow.isStale ? this.workflow.isStale(state, events, command, shown) : shown.version !== version;
  }

  /** Rewrites the case's projection; if a newer commit landed meanwhile, projects that one. */
  async refreshIndex(caseId: string, state: S, version: number, now: Date): Promise<void> {
    await this.index.write(caseId, version, this.workflow.project(state), state, now);
    // One lookup by `_id` says whether anyone committed after us; only then read the whole case.
    if (await this.log.hasCommitAfter(caseId, version)) {
      const latest = await this.log.load(caseId);
      const newer = this.workflow.fold(latest.events)!;
      await this.index.write(caseId, latest.version, this.workflow.project(newer), newer, now);
    }
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
