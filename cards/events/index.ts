import type { CaseEvent, CaseEventType } from '../../services/domain/workflow';
import { accessEvents } from './access';
import { applicationEvents } from './application';
import { assuranceEvents } from './assurance';
import { clockEvents } from './clock';
import { dsaEvents } from './dsa';
import { enquiryEvents } from './enquiry';
import { evidenceEvents } from './evidence';
import { lifecycleEvents } from './lifecycle';
import { preliminaryAssessmentEvents } from './preliminaryAssessment';
import type { CardEffect, EventContext, EventPresentation, Notice } from './presentation';

/**
 * The presentation table: every event type's entry, from its stage's file. The annotation is the
 * check: an event a stage forgot is a `tsc` error naming it ("Property 'x' is missing in type …").
 * (`satisfies`, not a type annotation, so the card names each rule uses stay known to the
 * compiler: the card table checks it has a card for each, `CardsTheEventsShow`.)
 */
export const eventPresentations = {
  ...enquiryEvents,
  ...preliminaryAssessmentEvents,
  ...applicationEvents,
  ...assuranceEvents,
  ...dsaEvents,
  ...accessEvents,
  ...evidenceEvents,
  ...lifecycleEvents,
  ...clockEvents,
} satisfies { readonly [T in CaseEventType]: EventPresentation<T> };

type Presentations = typeof eventPresentations;
type NamesIn<E> = E extends CardEffect<infer N> ? N : never;

/** Every card name an event's card rule uses: the card table (caseCards.ts) must have each. */
export type CardsTheEventsShow = {
  [T in keyof Presentations]: Presentations[T]['cards'] extends (...args: never[]) => readonly (infer E)[] ? NamesIn<E> : never;
}[keyof Presentations];

/** One event's entry, by its own type (TypeScript cannot correlate a union's key with its member on its own, hence the widening). */
export function presentationOf<T extends CaseEventType>(type: T): EventPresentation<T> {
  // Read as a plain record, so a missing entry is one error (at the table), not one here too.
  return (eventPresentations as Readonly<Record<CaseEventType, unknown>>)[type] as EventPresentation<T>;
}

/** The notices of one event by its entry; a 'silent' event tells no one. */
export function noticesOf(event: CaseEvent, context: EventContext): Notice[] {
  const rule = presentationOf<CaseEventType>(event.type).notices;
  return rule === 'silent' ? [] : rule(event, context);
}

export * from './presentation';
