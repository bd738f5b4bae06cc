import assert from 'node:assert/strict';
import { renderCaseCard } from '../../cards/caseCards';
import { permissions } from '../../services/domain/workflow';
import { allCaseCards, type CardName } from '../../cards/caseCards';
import { sam } from '../workflow/support/people';
import { executeActions, viewerOf } from './support/cardWalk';
import { checkCard, NOW, options, people, viewingsOf } from './support/everyCardChecks';
import { journey } from './support/longCase';
import { cardVerbs } from '../../cards/verbs';
import { plainWordProblems } from './support/plainWords';
import { unreadableClickCard } from '../../cards/unreadableClickCard';
import { unseenCaseCard } from '../../cards/unseenCaseCard';

/**
 * Every card at every moment of a long case (answers as long as the workflow allows), each moment
 * for one of the people on it, passes the checks of support/everyCardChecks.ts (parses at 1.5,
 * fits in 28 KB, binds every expression, no Markdown, plain English, only buttons the workflow
 * allows).
 *
 * The sample is pairwise: card i at moment j is seen by viewer (i + j) mod n, so every (card,
 * moment), every (card, viewer) and every (moment, viewer) pair is checked, at about a tenth of
 * the renders of the full product (the review card, seen by reviewers × reviews, counts on its
 * own, so the other cards alone still give every moment every viewer). `npm run test:exhaustive` renders every card at every moment
 * for everyone (everyCard.exhaustive.ts).
 */
describe('every case card, at every step of a long case, for everyone on it (pairwise sample)', function () {
  this.timeout(60_000);

  const moments = () => [...journey()];
  const othersThanReview: readonly CardName[] = allCaseCards.filter((name) => name !== 'review');
  /** Who sees card `name` at the `moment`th moment in the sample. */
  const viewingAt = (name: CardName, moment: number) => {
    const viewings = viewingsOf(name);
    return viewings[(Math.max(0, othersThanReview.indexOf(name)) + moment) % viewings.length];
  };

  allCaseCards.forEach((name) => {
    it(`${name}: parses at 1.5, fits in 28 KB, binds every expression, and shows only buttons the workflow allows`, () => {
      let largest = 0;
      for (const [moment, [step, state]] of moments().entries()) {
        largest = Math.max(largest, checkCard(name, step, state, viewingAt(name, moment)));
      }
      assert.ok(largest > 2000, `${name} was rendered with real content (largest ${largest} bytes)`);
    });
  });

  it('the sample sees every card at every moment, and every viewer on every card and at every moment', () => {
    const seen = { cardMoment: new Set<string>(), cardViewer: new Set<string>(), momentViewer: new Set<string>() };
    allCaseCards.forEach((name) => {
      moments().forEach(([step], moment) => {
        const viewer = viewingAt(name, moment).person.name;
        seen.cardMoment.add(`${name}@${step}`);
        seen.cardViewer.add(`${name}:${viewer}`);
        if (name !== 'review') seen.momentViewer.add(`${step}:${viewer}`);
      });
    });
    assert.equal(seen.cardMoment.size, allCaseCards.length * journey().size);
    assert.equal(seen.cardViewer.size, (allCaseCards.length - 1) * people.length + new Set(viewingsOf('review').map((v) => v.person.name)).size);
    assert.equal(seen.momentViewer.size, journey().size * people.length);
  });

  it('a card stops refreshing once nobody can act on it any more', () => {
    const closed = journey().get('withdrawn');
    assert.ok(closed);
    for (const name of allCaseCards) {
      const card = renderCaseCard(name, closed, viewerOf(sam, closed), NOW, options);
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
