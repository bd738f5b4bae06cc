import assert from 'node:assert/strict';
import { caseCardBuilders } from '../../cards/caseCards';
import { cardByteBudget, cardSize } from '../../cards/render';
import { allCaseCards, checkPermission, permissions, shownFingerprint, type CardName, type CaseState, type PermissionKey } from '../../services/workflow';
import { cardProblems } from '../support/adaptiveCardCheck';
import { abe, ada, asha, carl, gus, mo, nina, oscar, pat, sam } from '../workflow/support/people';
import { executeActions, viewerOf } from './support/cardWalk';
import { journey, staffDana } from './support/longCase';
import { cardVerbs, isCardVerb } from '../../cards/verbs';
import { markdownInCard } from '../support/peoplesWords';
import { plainWordProblems } from './support/plainWords';
import { unreadableClickCard } from '../../cards/unreadableClickCard';
import { unseenCaseCard } from '../../cards/unseenCaseCard';

/**
 * Every card, at every moment of a long case (answers as long as the workflow allows), for every
 * person on it: it parses as Adaptive Card 1.5 with no problem, fits in 28 KB, leaves no template
 * expression unbound, holds no text Teams would read as Markdown, reads as plain English (no field key, ISO date
 * or empty label: support/plainWords.ts), and every button it shows is
 * one the workflow would let that person press.
 */
const NOW = new Date('2026-06-03T10:00:00Z');
const people = [ada, mo, sam, staffDana, asha, gus, pat, abe, nina, carl, oscar];
// (mo and oscar see read-only cards; they stay, since a leak of a button to them is what this test is for)
const options = { refreshUserIds: ['29:1a', '29:1b'], serviceAgreementDocument: { documentName: 'SDE service agreement v3.pdf', contentHash: 'e'.repeat(64) } };
const checked = new Map<string, string[]>();
const contextKeys = new Set(['caseId', 'version', 'review', 'party', 'shown', 'card']);

/** The permission row a button needs (a review card's button names its review, a signature card its party). */
function permissionFor(verb: string, data: Record<string, unknown>): PermissionKey {
  assert.ok(isCardVerb(verb), `“${verb}” is in the verbs table`);
  const command = cardVerbs[verb].command;
  if (command === 'recordReview') return `recordReview:${String(data.review)}` as PermissionKey;
  if (command === 'signDsa' || command === 'declineDsa') return `${command}:${String(data.party)}` as PermissionKey;
  return command as PermissionKey;
}

/** The review cards are rendered for their reviewers and for a read-only staff member and applicant. */
const reviewers = [asha, gus, pat, sam, ada];

function cardsFor(name: CardName, state: CaseState): { label: string; card: ReturnType<(typeof caseCardBuilders)[CardName]>; viewerRoles: string }[] {
  const reviews = name === 'review' ? (['assurance', 'agd', 'pag'] as const) : [undefined];
  return (name === 'review' ? reviewers : people).flatMap((person) =>
    reviews.map((review) => {
      const viewer = viewerOf(person, state);
      return { label: `${person.name}${review ? ` (${review})` : ''}`, viewerRoles: viewer.roles.join(','), card: caseCardBuilders[name](state, viewer, NOW, { ...options, ...(review ? { review } : {}) }) };
    }),
  );
}

describe('every case card, at every step of a long case, for everyone on it', function () {
  this.timeout(60_000);

  for (const name of allCaseCards) {
    it(`${name}: parses at 1.5, fits in 28 KB, binds every expression, and shows only buttons the workflow allows`, () => {
      let largest = 0;
      for (const [step, state] of journey()) {
        for (const { label, card, viewerRoles } of cardsFor(name, state)) {
          const where = `${name} at “${step}” for ${label} [${viewerRoles}]`;
          const json = JSON.stringify(card);
          if (!checked.has(json)) checked.set(json, cardProblems(card));
          assert.deepEqual(checked.get(json), [], `${where} has problems`);
          assert.ok(cardSize(card) <= cardByteBudget, `${where} is ${cardSize(card)} bytes`);
          largest = Math.max(largest, cardSize(card));
          assert.doesNotMatch(json, /\$\{/, `${where} has an unbound template expression`);
          assert.deepEqual(markdownInCard(card, where), [], `${where} has text Teams would read as Markdown`);
          assert.deepEqual(plainWordProblems(card), [], `${where} reads as plain English`);
          const viewer = people.find((person) => label.startsWith(person.name));
          assert.ok(viewer);
          for (const action of executeActions(card)) {
            assert.deepEqual(Object.keys(action.data).filter((key) => !contextKeys.has(key)), [], `${where}: ${action.verb} carries only the case id, version, its card (and review/party, and what it showed)`);
            assert.equal(action.data.caseId, state.reference);
            assert.equal(action.data.card, name, `${where}: ${action.verb} names the card it sits on`);
            assert.equal(action.data.version, state.version, `${where}: ${action.verb} carries the version the card shows`);
            assert.deepEqual(action.fallback?.data, { verb: action.verb, ...action.data }, `${where}: ${action.verb} has an Action.Submit fallback with the same data`);
            assert.equal(action.fallback?.type, 'Action.Submit');
            const key = permissionFor(action.verb, action.data);
            assert.ok(!('outcome' in checkPermission(key, state, viewerOf(viewer, state).roles)), `${where} shows “${action.verb}”, which the workflow would refuse`);
            if ('shown' in action.data) assert.equal(action.data.shown, shownFingerprint(state, key), `${where}: ${action.verb} carries the fingerprint of what it shows`);
          }
          const actionable = executeActions(card).length > 0;
          if (actionable) assert.ok(card.refresh, `${where} shows buttons, so it refreshes for each viewer`);
        }
      }
      assert.ok(largest > 2000, `${name} was rendered with real content (largest ${largest} bytes)`);
    });
  }

  it('a card stops refreshing once nobody can act on it any more', () => {
    const closed = journey().get('withdrawn');
    assert.ok(closed);
    for (const name of allCaseCards) {
      const card = caseCardBuilders[name](closed, viewerOf(sam, closed), NOW, options);
      assert.equal(card.refresh, undefined, `${name} on a withdrawn case`);
      assert.deepEqual(executeActions(card), [], `${name} on a withdrawn case has no buttons`);
    }
  });

  it('the cards for a click DARS cannot read, and for a case the person cannot see, read as plain English too', () => {
    assert.deepEqual(plainWordProblems(unreadableClickCard()), []);
    assert.deepEqual(plainWordProblems(unseenCaseCard('DARS-2026-00001')), []);
  });

  it('every verb in the table issues a command the permission table knows', () => {
    const keys = new Set<string>(Object.keys(permissions).map((key) => key.split(':')[0] ?? key));
    for (const [verb, spec] of Object.entries(cardVerbs)) assert.ok(keys.has(spec.command), `${verb} → ${spec.command}`);
  });
});
