import { noticesOf, presentationOf } from '../../cards/events';
import { evolve, type CaseEvent, type CaseState } from '../../services/domain/workflow';
import { resolveRecipient, targetKey, type Target } from '../delivery/recipients';
import type { StaffDirectory } from '../staff/staffDirectory';

/**
 * What one decision tells each person or channel: the notices of the presentation table
 * (cards/events, each event's `notices`) applied to the decision's
 * events (versions `firstVersion`..`lastVersion` of the case), each on the case as it stood at
 * that event, resolved to targets and joined so that each target gets one message per decision.
 * The person who made the decision is left out: they saw its result in their own turn.
 */
export interface DecisionMessage {
  readonly target: Target;
  readonly text: string;
}

export async function decisionMessages(
  events: readonly CaseEvent[],
  firstVersion: number,
  lastVersion: number,
  actorId: string | undefined,
  staff: StaffDirectory,
): Promise<DecisionMessage[]> {
  let state = events.slice(0, firstVersion - 1).reduce<CaseState | undefined>(evolve, undefined);
  const byTarget = new Map<string, { target: Target; texts: string[] }>();
  for (const event of events.slice(firstVersion - 1, lastVersion)) {
    const before = state;
    state = evolve(state, event);
    for (const notice of noticesOf(event, { before, after: state })) {
      for (const target of await resolveRecipient(notice.to, state, staff)) {
        if (target.kind === 'person' && target.id === actorId) continue;
        const key = targetKey(target);
        const entry = byTarget.get(key) ?? { target, texts: [] };
        if (!entry.texts.includes(notice.text)) entry.texts.push(notice.text);
        byTarget.set(key, entry);
      }
    }
  }
  return [...byTarget.values()].map(({ target, texts }) => ({ target, text: texts.join('\n\n') }));
}

/** One event's notices, by its entry in the presentation table. */
export { noticesOf } from '../../cards/events';

/**
 * A decision's effects without its notices (`eventNotices`) when every one of its events is
 * 'silent': that entry would tell no one, yet cost the outbox a write, a claim and a clearing.
 * (An enquiry's submission is one: the applicant is answered in their turn, triage gets the
 * review card.) Any other decision keeps them, to be worked out on delivery.
 */
export function withoutSilentNotices<X extends { readonly kind: string }>(effects: readonly X[], events: readonly CaseEvent[]): readonly X[] {
  return events.some((event) => presentationOf(event.type).notices !== 'silent') ? effects : effects.filter((effect) => effect.kind !== 'eventNotices');
}
