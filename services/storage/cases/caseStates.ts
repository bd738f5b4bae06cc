import { foldCase, type CaseEvent, type CaseState } from '../../domain/workflow';
import type { LoadedCase } from './caseCommands';
import type { CaseLog } from './caseLog';
import { CaseSnapshots } from './caseSnapshots';

/**
 * A case's state as its log says now. This is what status answers, cards, deliveries and
 * decisions show. It is read from the case's snapshot (caseSnapshots.ts) — one small document
 * by `_id` — unless a commit has overtaken the snapshot, and then from the log: every commit of
 * the case, folded. The `cases` index holds only what the queues sort and filter on.
 */
export type LoadedDarsCase = LoadedCase<CaseState, CaseEvent>;

export class CaseStates {
  private readonly snapshots: CaseSnapshots<CaseState>;

  constructor(private readonly log: CaseLog) {
    this.snapshots = new CaseSnapshots<CaseState>(log.db);
  }

  async get(reference: string): Promise<CaseState | undefined> {
    return (await this.current(reference)).state;
  }

  /**
   * The case as it is now: its snapshot if no commit followed it (two lookups by `_id`), else its
   * log. `known`: the case at some version, as a decision left it (no snapshot read needed).
   */
  async current(reference: string, known?: LoadedDarsCase): Promise<LoadedDarsCase> {
    const snapshot = known ?? (await this.snapshots.read(reference));
    if (snapshot && !(await this.log.hasCommitAfter(reference, snapshot.version))) return snapshot;
    return this.fromLog(reference);
  }

  /**
   * The case to decide on: its snapshot as stored, whose currency the decision's commit checks
   * (the insert collides if a later commit exists), so one lookup. A card that showed another
   * version is judged on the events since it was shown, so then the log.
   */
  async forDecision(reference: string, shownVersion?: number): Promise<LoadedDarsCase> {
    const snapshot = await this.snapshots.read(reference);
    if (snapshot && (shownVersion === undefined || shownVersion === snapshot.version)) return snapshot;
    return this.fromLog(reference);
  }

  /** Whether a case read from its snapshot has been overtaken by a later commit. */
  async trails(reference: string, read: LoadedDarsCase): Promise<boolean> {
    return !read.events && (await this.log.hasCommitAfter(reference, read.version));
  }

  /** The case from every commit of its log, folded: the truth, whatever the snapshot says. */
  async fromLog(reference: string): Promise<LoadedDarsCase> {
    const loaded = await this.log.load(reference);
    return { ...loaded, state: foldCase(loaded.events) };
  }

  fold(events: readonly CaseEvent[]): CaseState | undefined {
    return foldCase(events);
  }

  /** The cases that exist among these references, in the order given. */
  async getMany(references: readonly string[]): Promise<CaseState[]> {
    const states = await Promise.all(references.map((reference) => this.get(reference)));
    return states.filter((state): state is CaseState => state !== undefined);
  }
}
