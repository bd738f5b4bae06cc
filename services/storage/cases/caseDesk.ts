import { canRead, readsEveryCase, rolesOnCase, type Actor, type CaseCommand, type CaseEvent, type CaseState, type ShownCard } from '../../domain/workflow';
import type { CaseIndex } from './caseIndex';
import type { CaseLog } from './caseLog';
import { CaseHistoryCheck } from './caseHistoryCheck';
import { CaseStates, type LoadedDarsCase } from './caseStates';
import type { CommandResult } from './caseCommands';
import type { DarsCaseCommands } from './darsWorkflow';

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

  /**
   * The case for a caller that decides on it next (`execute`'s `loaded`): its snapshot, which
   * may trail the log (the decision's commit tells; `trails` tells anyone else), or its log
   * when the card showed another version.
   */
  load(reference: string, shownVersion?: number): Promise<LoadedDarsCase> {
    return this.states.forDecision(reference, shownVersion);
  }

  /** Whether a case `load` read from its snapshot has been overtaken since. */
  trails(reference: string, read: LoadedDarsCase): Promise<boolean> {
    return this.states.trails(reference, read);
  }

  /** The case from its log: the truth, for a caller whose snapshot `trails`. */
  loadFromLog(reference: string): Promise<LoadedDarsCase> {
    return this.states.fromLog(reference);
  }

  /**
   * Cases the person is on as applicant or invited member, newest first: what their 1:1 chat
   * shows. The index finds them; the read table (on the case itself) has the last word.
   */
  async casesFor(personId: string): Promise<CaseState[]> {
    const states = await this.states.getMany((await this.index.forApplicant(personId)).map((record) => record._id));
    return states.filter((state) => mayRead(state, { id: personId, roles: [] }));
  }

  /** One of the person's own cases, as their 1:1 chat reads it: only if the case's own roles let them see it. */
  caseFor(reference: string, personId: string): Promise<CaseState | undefined> {
    return this.readableBy(reference, { id: personId, roles: [] });
  }

  /** The case if the reader may see it (the read table); otherwise nothing, exactly as for no case. */
  async readableBy(reference: string, reader: Reader): Promise<CaseState | undefined> {
    const state = await this.states.get(reference);
    return state && mayRead(state, reader) ? state : undefined;
  }

  /** Those of these cases (by reference, in order) the reader may see: DARS staff see them all. */
  async readableOf<T extends { readonly _id: string }>(records: readonly T[], reader: Reader): Promise<T[]> {
    if (readsEveryCase(reader.roles)) return [...records];
    const visible = new Set((await this.states.getMany(records.map((record) => record._id))).filter((state) => mayRead(state, reader)).map((state) => state.reference));
    return records.filter((record) => visible.has(record._id));
  }

  execute(input: {
    reference: string; command: CaseCommand; actor: Actor; key: string; shown?: ShownCard;
    loaded?: LoadedDarsCase; updatedInTurn?: string;
  }): Promise<CaseOutcome> {
    const now = this.clock();
    return this.commands.execute(input.command, {
      caseId: input.reference,
      key: input.key,
      now,
      ...(input.shown ? { shown: input.shown } : {}),
      ...(input.loaded ? { loaded: input.loaded } : {}),
      ...(input.updatedInTurn ? { updatedInTurn: input.updatedInTurn } : {}),
      context: { actor: input.actor, activityId: input.key, now },
    });
  }
}

/** Who is reading: their Entra id and directory roles (case roles come from the case). */
export type Reader = Pick<Actor, 'id' | 'roles'>;

function mayRead(state: CaseState, reader: Reader): boolean {
  return canRead(state, rolesOnCase({ ...reader, name: '' }, state));
}
