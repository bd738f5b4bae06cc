import type { CaseEvent } from '../events';
import type { CaseFacts, CaseState } from '../state/caseState';
import type { Stamp } from '../state/records';
import type { CaseStatus } from '../statuses';

/** Small immutable-update helpers shared by the reducers. */

export function stampOf(event: CaseEvent): Stamp {
  return { by: event.actor, at: event.at };
}

export function withFacts(state: CaseState, facts: Partial<CaseFacts>, status?: CaseStatus): CaseState {
  return { ...state, facts: { ...state.facts, ...facts }, ...(status ? { status } : {}) };
}

/** Replaces the last element of a list (the current version of something). */
export function replaceLast<T>(items: readonly T[], update: (item: T) => T): T[] {
  const last = items[items.length - 1];
  return last === undefined ? [...items] : [...items.slice(0, -1), update(last)];
}
