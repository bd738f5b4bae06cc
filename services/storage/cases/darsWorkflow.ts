import {
  caseIndexFields,
  decide,
  evolve,
  foldCase,
  isStaleCard,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type DecisionContext,
} from '../../domain/workflow';
import type { CaseWorkflow } from './caseCommands';
import type { OutboxEntry } from './outbox';

/**
 * The effects that present a decision's events (the cards that show them), computed outside the
 * pure workflow by the layer that presents them (cards/cardsShowing.ts) from the case just before
 * the decision and the events it records. Storage never names a card: it is handed this function.
 */
export type PresentationEffects = (state: CaseState | undefined, events: readonly CaseEvent[]) => readonly OutboxEntry['effect'][];

/**
 * Which of the decision's effects are worth an outbox entry, also the presentation's call: the
 * bot leaves out the notices of a decision whose every event is silent (bot/notices), which would
 * otherwise be written, claimed, "delivered" and cleared, a dozen round trips for no message.
 */
export type EffectsWorthWriting = (effects: readonly OutboxEntry['effect'][], events: readonly CaseEvent[]) => readonly OutboxEntry['effect'][];

/**
 * The DARS workflow (pure, services/domain/workflow) as the case commands run it: the decision's
 * events, the presentation's effects first and then the workflow's own, all committed in the
 * decision's one insert (so no delivery can be lost between them).
 */
export function darsWorkflow(presentation: PresentationEffects, worthWriting: EffectsWorthWriting = (effects) => effects): CaseWorkflow<CaseState, CaseCommand, CaseEvent, DecisionContext> {
  return {
    fold: (events) => foldCase(events),
    evolve: (state, event) => evolve(state, event),
    decide: (state, command, context) => {
      const decision = decide(state, command, context);
      if (decision.outcome !== 'accepted') return decision;
      return { ...decision, effects: [...worthWriting([...presentation(state, decision.events), ...decision.effects], decision.events)] };
    },
    project: (state) => caseIndexFields(state),
    isStale: (state, events, command, shown) => isStaleCard(state, events, command, shown),
  };
}

export type DarsCaseCommands = import('./caseCommands').CaseCommands<CaseState, CaseCommand, CaseEvent, DecisionContext>;
