import { evolve, type Acceptance, type CaseEvent, type CaseState, type Decision, type OutboxEffect, type Refusal } from '../services/domain/workflow';
import { allCaseCards, type CaseCardEffect } from './caseCards';
import { presentationOf, updateCards, type CardEffect, type EveryCard } from './events';

/**
 * The cards that show a decision's events, each event seen on the case just before and after
 * it (its `cards` rule in the presentation table, cards/events). The workflow's `decide` says
 * what happened and asks for what only the domain knows to do; the store's workflow adapter
 * (services/storage/cases/darsWorkflow.ts, built with this function in bot/index.ts) adds these
 * at decision time, so the commit still holds every effect, concretely, in its one insert.
 */
export function cardsShowing(state: CaseState | undefined, events: readonly CaseEvent[]): CaseCardEffect[] {
  const effects: CaseCardEffect[] = [];
  let before = state;
  for (const event of events) {
    const after = evolve(before, event);
    const rule = presentationOf(event.type).cards;
    if (rule !== 'none') effects.push(...rule(event as never, { before, after }).map(named));
    before = after;
  }
  return effects;
}

/** `everyCard` is every card of the table; the other effects' names are checked by the card table's type. */
function named(effect: CardEffect | EveryCard): CaseCardEffect {
  return isEveryCard(effect) ? updateCards(...allCaseCards) : (effect as CaseCardEffect);
}

function isEveryCard(effect: CardEffect | EveryCard): effect is EveryCard {
  return effect.kind === 'everyCard';
}

/** What a decision's outbox holds: the workflow's own effects and the cards that show it. */
export type CaseEffect = OutboxEffect | CaseCardEffect;

export type PresentedAcceptance = Omit<Acceptance, 'effects'> & { readonly effects: CaseEffect[] };
export type PresentedDecision = PresentedAcceptance | Refusal;

/** A decision with its card effects first, as the store commits it (and as the tests drive the workflow). */
export function withCards(state: CaseState | undefined, decision: Decision): PresentedDecision {
  if (decision.outcome !== 'accepted') return decision;
  return { ...decision, effects: [...cardsShowing(state, decision.events), ...decision.effects] };
}
