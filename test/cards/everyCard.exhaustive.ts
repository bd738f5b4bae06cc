import assert from 'node:assert/strict';
import { allCaseCards } from '../../cards/caseCards';
import { checkCard, viewingsOf } from './support/everyCardChecks';
import { journey } from './support/longCase';

/**
 * `npm run test:exhaustive` only: every card at every moment of the long case for everyone on it
 * (18 cards × 28 moments × 11 viewers), through the checks of support/everyCardChecks.ts. The
 * fast suite checks a pairwise sample of the same product (everyCard.test.ts).
 */
describe('every case card, at every step of a long case, for everyone on it (exhaustive)', function () {
  this.timeout(600_000);

  for (const name of allCaseCards) {
    it(`${name}: parses at 1.5, fits in 28 KB, binds every expression, and shows only buttons the workflow allows, for everyone`, () => {
      let largest = 0;
      for (const [step, state] of journey()) {
        for (const viewing of viewingsOf(name)) largest = Math.max(largest, checkCard(name, step, state, viewing));
      }
      assert.ok(largest > 2000, `${name} was rendered with real content (largest ${largest} bytes)`);
    });
  }
});
