import { foldCase, type Actor, type CaseCommand, type CaseState } from '../workflow';
import type { CaseIndex } from './caseIndex';
import type { CaseLog } from './caseLog';
import type { CommandResult } from './caseCommands';
import type { DarsCaseCommands } from './darsWorkflow';
import type { CaseEvent } from '../workflow';

/**
 * The one door through which people change cases, from a chat or a card: run a command as an
 * actor (roles already resolved), keyed by the Teams activity id, optionally against the case
 * version a card showed. Reads come from the case index.
 */
export type CaseOutcome = CommandResult<CaseState, CaseEvent>;

export class CaseDesk {
  constructor(
    private readonly commands: DarsCaseCommands,
    private readonly log: CaseLog,
    private readonly index: CaseIndex,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The case as its log says now. Cards and decisions read this rather than the `cases` index,
   * which is written just after each commit and can trail it for a moment.
   */
  async get(reference: string): Promise<CaseState | undefined> {
    return foldCase((await this.log.load(reference)).events);
  }

  /** Cases the person is on as applicant or invited member, newest first. */
  async casesFor(personId: string): Promise<CaseState[]> {
    return (await this.index.forApplicant(personId)).map((record) => record.state);
  }

  execute(input: { reference: string; command: CaseCommand; actor: Actor; key: string; shownVersion?: number }): Promise<CaseOutcome> {
    const now = this.clock();
    return this.commands.execute(input.command, {
      caseId: input.reference,
      key: input.key,
      now,
      ...(input.shownVersion !== undefined ? { shownVersion: input.shownVersion } : {}),
      context: { actor: input.actor, activityId: input.key, now },
    });
  }
}
