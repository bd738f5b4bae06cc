import type { HandlerContext, HandlerResult } from '../decision';
import type { CaseEventType, EventOf } from '../events';
import type { CaseState } from '../state/caseState';

/**
 * The shapes of a stage module's two handler maps. Each stage exports its commands' schemas, one
 * decider per command it owns and one evolver per event it owns; `stages/index.ts` joins them
 * into maps keyed by every command type and every event type, so `tsc` fails when a command has
 * no decider or an event no evolver. There is no central switch that repeats the names.
 *
 * The shapes are generic over the stage's own command union (not the joined one in
 * `commands/index.ts`, which is built from the stage modules: a stage naming it would be an
 * import circle).
 */

/** What every command is: discriminated by `type`. */
export interface AnyCommand {
  readonly type: string;
}

/** The one command decided without a case: it opens one. */
export type OpeningCommand = 'submitEnquiry';

type StateFor<T extends string> = T extends OpeningCommand ? undefined : CaseState;

/** A stage's own rules for one command, after the read and permission tables have agreed. Pure. */
export type Decider<C extends AnyCommand> = (state: StateFor<C['type']>, command: C, ctx: HandlerContext) => HandlerResult;
export type Deciders<C extends AnyCommand> = { readonly [K in C['type']]: Decider<Extract<C, { type: K }>> };

/** How one event changes the case. Pure; the version, stage and next action are derived afterwards (evolve/index.ts). */
export type Evolver<T extends CaseEventType> = (state: CaseState, event: EventOf<T>) => CaseState;
export type Evolvers<T extends CaseEventType> = { readonly [K in T]: Evolver<K> };
