import type { Actor, CaseCommand, CaseState, ShownCard } from '../workflow';
import type { CaseIndex } from './caseIndex';
import type { CaseLog } from './caseLog';
import { CaseHistoryCheck } from './caseHistoryCheck';
import { CaseStates } from './caseStates';
import type { CommandResult } from './caseCommands';
import type { DarsCaseCommands } from './darsWorkflow';
import type { CaseEvent } from '../workflow';

/**
 * The one door through which people change cases, from a chat or a card: run a command as an
 * actor (roles already resolved), keyed by the Teams activity id, optionally against what a card
 * showed (its case version, and for signature and review cards a fingerprint of what they showed). Cases are read from their log; the index only finds which ones.
 */
export type CaseOutcome = CommandResult<CaseState, CaseEvent>;

export class CaseDesk {
  private readonly states: CaseStates;
  /** Whether cases' histories are as written: their hash chains checked. */
  readonly history: CaseHistoryCheck;

  constructor(
    private readonly commands: DarsCaseCommands,
    log: CaseLog,
    private readonly index: CaseIndex,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.states = new CaseStates(log);
    this.history = new CaseHistoryCheck(log, index);
  }

  /** The case as its log says now (never behind the last commit, unlike the index). */
  get(reference: string): Promise<CaseState | undefined> {
    return this.states.get(reference);
  }

  /** Cases the person is on as applicant or invited member, newest first. */
  async casesFor(personId: string): Promise<CaseState[]> {
    return this.states.getMany((await this.index.forApplicant(personId)).map((record) => record._id));
  }

  execute(input: { reference: string; command: CaseCommand; actor: Actor; key: string; shown?: ShownCard }): Promise<CaseOutcome> {
    const now = this.clock();
    return this.commands.execute(input.command, {
      caseId: input.reference,
      key: input.key,
      now,
      ...(input.shown ? { shown: input.shown } : {}),
      context: { actor: input.actor, activityId: input.key, now },
    });
  }
}
