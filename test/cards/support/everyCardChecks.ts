import assert from 'node:assert/strict';
import { caseCards } from '../../../cards/caseCards';
import { cardByteBudget, cardSize } from '../../../cards/render';
import { checkPermission, shownFingerprint, type Actor, type CaseState, type PermissionKey } from '../../../services/domain/workflow';
import { type CardName } from '../../../cards/caseCards';
import { cardProblems } from '../../support/adaptiveCardCheck';
import { abe, ada, asha, carl, gus, mo, nina, oscar, pat, sam } from '../../workflow/support/people';
import { executeActions, viewerOf } from './cardWalk';
import { staffDana } from './longCase';
import { cardVerbs, isCardVerb } from '../../../cards/verbs';
import { markdownInCard } from '../../support/peoplesWords';
import { plainWordProblems } from './plainWords';

/**
 * What every case card must be, for one viewer at one moment of the long case: it parses as
 * Adaptive Card 1.5 with no problem, fits in 28 KB, leaves no template expression unbound, holds
 * no text Teams would read as Markdown, reads as plain English (no field key, ISO date or empty
 * label: plainWords.ts), and every button it shows is one the workflow would let that person
 * press. Used by everyCard.test.ts (a sample) and everyCard.exhaustive.ts (every combination).
 */
export const NOW = new Date('2026-06-03T10:00:00Z');
/** Everyone on the long case (mo and oscar see read-only cards; they stay, since a leak of a button to them is what this test is for). */
export const people: readonly Actor[] = [ada, mo, sam, staffDana, asha, gus, pat, abe, nina, carl, oscar];
/** The review cards are rendered for their reviewers and for a read-only staff member and applicant. */
const reviewers: readonly Actor[] = [asha, gus, pat, sam, ada];
const reviews = ['assurance', 'agd', 'pag'] as const;
export const options = { refreshUserIds: ['29:1a', '29:1b'], serviceAgreementDocument: { documentName: 'SDE service agreement v3.pdf', contentHash: 'e'.repeat(64) } };

/** Someone looking at a card: the person, and on a review card which review it is. */
export interface CardViewing {
  readonly person: Actor;
  readonly review?: (typeof reviews)[number];
}

/** Every viewing of card `name`: everyone on the case, or for the review card every reviewer × review. */
export function viewingsOf(name: CardName): readonly CardViewing[] {
  return name === 'review' ? reviewers.flatMap((person) => reviews.map((review) => ({ person, review }))) : people.map((person) => ({ person }));
}

const checked = new Map<string, string[]>();
const contextKeys = new Set(['caseId', 'version', 'review', 'party', 'shown']);

/** The permission row a button needs (a review card's button names its review, a signature card its party). */
function permissionFor(verb: string, data: Record<string, unknown>): PermissionKey {
  assert.ok(isCardVerb(verb), `“${verb}” is in the verbs table`);
  const command = cardVerbs[verb].command;
  if (command === 'recordReview') return `recordReview:${String(data.review)}` as PermissionKey;
  if (command === 'signDsa' || command === 'declineDsa') return `${command}:${String(data.party)}` as PermissionKey;
  return command as PermissionKey;
}

/** Renders card `name` at `step` for `viewing`, checks it, and returns its size in bytes. */
export function checkCard(name: CardName, step: string, state: CaseState, { person, review }: CardViewing): number {
  const viewer = viewerOf(person, state);
  const card = caseCards[name].build(state, viewer, NOW, { ...options, ...(review ? { review } : {}) });
  const where = `${name} at “${step}” for ${person.name}${review ? ` (${review})` : ''} [${viewer.roles.join(',')}]`;
  const json = JSON.stringify(card);
  if (!checked.has(json)) checked.set(json, cardProblems(card));
  assert.deepEqual(checked.get(json), [], `${where} has problems`);
  assert.ok(cardSize(card) <= cardByteBudget, `${where} is ${cardSize(card)} bytes`);
  assert.doesNotMatch(json, /\$\{/, `${where} has an unbound template expression`);
  assert.deepEqual(markdownInCard(card, where), [], `${where} has text Teams would read as Markdown`);
  assert.deepEqual(plainWordProblems(card), [], `${where} reads as plain English`);
  for (const action of executeActions(card)) {
    assert.deepEqual(Object.keys(action.data).filter((key) => !contextKeys.has(key)), [], `${where}: ${action.verb} carries only the case id, version (and review/party, and what it showed)`);
    assert.equal(action.data.caseId, state.reference);
    assert.equal(action.data.version, state.version, `${where}: ${action.verb} carries the version the card shows`);
    assert.deepEqual(action.fallback?.data, { verb: action.verb, ...action.data }, `${where}: ${action.verb} has an Action.Submit fallback with the same data`);
    assert.equal(action.fallback?.type, 'Action.Submit');
    const key = permissionFor(action.verb, action.data);
    assert.ok(!('outcome' in checkPermission(key, state, viewer.roles)), `${where} shows “${action.verb}”, which the workflow would refuse`);
    if ('shown' in action.data) assert.equal(action.data.shown, shownFingerprint(state, key), `${where}: ${action.verb} carries the fingerprint of what it shows`);
  }
  if (executeActions(card).length > 0) assert.ok(card.refresh, `${where} shows buttons, so it refreshes for each viewer`);
  // The builder names its own card for the refresh as a string (the card table imports it): the name must be its entry's.
  if (card.refresh) assert.equal((card.refresh as { action: { data: { card: unknown } } }).action.data.card, name, `${where}: its refresh names the card`);
  return cardSize(card);
}
