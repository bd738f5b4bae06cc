import { z } from 'zod';
import { reviewKinds, type ReviewKind } from '../services/domain/rules/reviews';
import { allCaseCards, type CardName } from './caseCards';
import { signatoryParties, type SignatoryParty } from '../services/domain/workflow/commands/fields';
import type { CardData } from './actions/cardInputs';
import { isCardVerb, refreshVerb, type CardVerb } from './verbs';

/**
 * Reads a click on a case card, whichever way it arrives: an `adaptiveCard/action` invoke
 * (`value.action.verb`, `value.action.data` with the inputs merged in) or the Action.Submit
 * fallback (a message whose `value` is `{ verb, caseId, version, …inputs }`). Only the case id,
 * the version shown and — on signature and review cards — the fingerprint of what the card showed
 * (`shown`) are taken from the card; the case itself is always loaded from the store.
 */
export type CardAction =
  | { readonly kind: 'decision'; readonly verb: CardVerb; readonly caseId: string; readonly version: number; readonly shown?: string; readonly data: CardData }
  | { readonly kind: 'refresh'; readonly caseId: string; readonly card: CardName; readonly review?: ReviewKind; readonly party?: SignatoryParty };

export type ReadCardAction = { ok: true; action: CardAction } | { ok: false; problem: string };

const caseId = z.string().regex(/^DARS-\d{4}-\d{5}$/, 'a case reference like DARS-2026-00042');

/** A fingerprint of what the card showed (SHA-256 hex); cards without one send none, or ''. */
const shown = z.union([z.string().regex(/^[0-9a-f]{64}$/), z.literal('').transform(() => undefined)]).optional();

const decisionSchema = z.object({ caseId, version: z.coerce.number().int().min(0), shown }).loose();

const refreshSchema = z.object({
  caseId,
  card: z.enum(allCaseCards),
  review: z.enum(reviewKinds).optional(),
  party: z.enum(signatoryParties).optional(),
});

const invokeSchema = z.object({ action: z.object({ verb: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() }) });
const submitSchema = z.object({ verb: z.string().min(1) }).loose();

export function readCardAction(value: unknown): ReadCardAction {
  const invoke = invokeSchema.safeParse(value);
  const submit = submitSchema.safeParse(value);
  const verb = invoke.success ? invoke.data.action.verb : submit.success ? submit.data.verb : undefined;
  const data: Record<string, unknown> = invoke.success ? { ...invoke.data.action.data } : submit.success ? { ...submit.data } : {};
  if (!verb) return { ok: false, problem: 'This is not a DARS Bot card action.' };
  delete data.verb;
  if (verb === refreshVerb) {
    const parsed = refreshSchema.safeParse(data);
    return parsed.success ? { ok: true, action: { kind: 'refresh', ...parsed.data } } : { ok: false, problem: 'The card asked to refresh without saying which case card it is.' };
  }
  // A verb not in the verb table is a button DARS Bot never drew (an old or altered card).
  if (!isCardVerb(verb)) return { ok: false, problem: 'This is not a DARS Bot card action.' };
  const parsed = decisionSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problem: 'The card did not say which case and version it shows; open the case again with “status”.' };
  const { caseId: id, version, shown: fingerprint } = parsed.data;
  return { ok: true, action: { kind: 'decision', verb, caseId: id, version, ...(fingerprint ? { shown: fingerprint } : {}), data } };
}
