import type { CaseEvent } from '../events';
import type { CaseState } from '../state/caseState';
import { nextActionFor } from '../state/nextAction';
import { stageOf } from '../statuses';
import { applyEvent, openCase } from '../stages';

/**
 * Applies one event: its evolver, in the stage that owns it (stages/). The state's stage follows
 * its status, its version counts its events, and its next action is recomputed — so every reader
 * sees the same derived facts.
 * Throws on an event that cannot apply (history that does not start with an enquiry): that is
 * corrupt data, not a decision to refuse.
 */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (!state) {
    if (event.type !== 'enquirySubmitted') throw new Error(`A case's history must start with enquirySubmitted, not ${event.type}.`);
    return finish(openCase(event), event);
  }
  return finish(applyEvent(state, event), event);
}

function finish(state: CaseState, event: CaseEvent): CaseState {
  const next: CaseState = { ...state, stage: stageOf(state.status), version: state.version + 1, updatedAt: event.at, history: [...state.history, event] };
  const nextAction = nextActionFor(next);
  if (nextAction) return { ...next, nextAction };
  const closed: { -readonly [K in keyof CaseState]: CaseState[K] } = { ...next };
  delete closed.nextAction;
  return closed;
}

/** The case as the fold of its events; undefined for an empty history. */
export function foldCase(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>((state, event) => evolve(state, event), undefined);
}
