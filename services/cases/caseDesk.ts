import type { Actor, CaseCommand, CaseState } from '../workflow';
import type { CaseIndex } from './caseIndex';
import type { CaseLog } from './caseLog';
import { CaseStates } from './caseStates';
import type { CommandResult } from './caseCommands';
import type { DarsCaseCommands } from './darsWorkflow';
import type { CaseEvent } from '../workflow';

/**
 * The one door through which people change cases, from a chat or a card: run a command as an
 * actor (roles already resolved), keyed by the Teams activity id, optionally against the case
 * version a card showed. Cases are read from their log; the index only finds which ones.
 */
export type CaseOutcome = CommandResult<CaseState, CaseEvent>;

export class CaseDesk {
  private readonly states: CaseStates;

  constructor(
    private readonly commands: DarsCaseCommands,
    private readonly log: CaseLog,
    private readonly index: CaseIndex,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.states = new CaseStates(log);
  }

  /** The case as its log says now (never behind the last commit, unlike the index). */
  get(reference: string): Promise<CaseState | undefined> {
    return this.states.get(reference);
  }

  /** The case with its events and version, for a caller that decides on it next (`execute`'s `loaded`). */
  async load(reference: string): Promise<{ state: CaseState | undefined; events: CaseEvent[]; version: number }> {
    const loaded = await this.log.load(reference);
    return { state: this.states.fold(loaded.events), ...loaded };
  }

  /** Cases the person is on as applicant or invited member, newest first. */
  async casesFor(personId: string): Promise<CaseState[]> {
    return this.states.getMany((await this.index.forApplicant(personId)).map((record) => record._id));
  }

  execute(input: {
    reference: string; command: CaseCommand; actor: Actor; key: string; shownVersion?: number;
    loaded?: { events: CaseEvent[]; version: number }; updatedInTurn?: string;
  }): Promise<CaseOutcome> {
    const now = this.clock();
    return this.commands.execute(input.command, {
      caseId: input.reference,
      key: input.key,
      now,
      ...(input.shownVersion !== undefined ? { shownVersion: input.shownVersion } : {}),
      ...(input.loaded ? { loaded: input.loaded } : {}),
      ...(input.updatedInTurn ? { updatedInTurn: input.updatedInTurn } : {}),
      context: { actor: input.actor, activityId: input.key, now },
    });
  }
}
