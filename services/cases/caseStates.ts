import { foldCase, type CaseEvent, type CaseState } from '../workflow';
import type { CaseLog } from './caseLog';

/**
 * A case's state as its log says now: the fold of its commits, one indexed read. This is what
 * status answers, cards and decisions show. The `cases` index holds only what the queues sort
 * and filter on, and is written just after each commit, so it can trail the log for a moment.
 */
export class CaseStates {
  constructor(private readonly log: CaseLog) {}

  async get(reference: string): Promise<CaseState | undefined> {
    return this.fold((await this.log.load(reference)).events);
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
