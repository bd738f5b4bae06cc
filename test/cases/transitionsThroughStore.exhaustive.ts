import assert from 'node:assert/strict';

import { caseStatuses, decide, permissionKeys, type CaseStatus } from '../../services/domain/workflow';
import { START } from '../workflow/support/data';
import { forbiddenCombinations, type ForbiddenCombination } from '../workflow/support/permissionCases';
import { caseStore } from './caseStoreFixture';
import { commitsOf, runThroughStore, storeTemplates, type Store, type Template } from './storeTemplates';

/**
 * `npm run test:exhaustive` only: every forbidden (command, status, role) combination of the
 * permission table, about 9,000, through the real store, each by a person in that role. The fast
 * suite sends one of each kind of refusal through the store (transitionsThroughStore.test.ts) and
 * all of them through the pure `decide` (test/workflow/permissions.test.ts).
 *
 * A refusal writes nothing, so these run on the template itself; the test checks that no commit
 * appeared. Each refusal must carry the code and sentence the pure `decide` gives for the same
 * case, command and person.
 */
describe('every forbidden combination through the case store on the real database (exhaustive)', () => {
  let store: Store;
  let templateAt: (status: CaseStatus) => Promise<Template>;
  before(async () => {
    store = await caseStore('forbiddenall', () => START);
    templateAt = storeTemplates(store);
  });

  /** Maps `items` through `f`, `size` at a time (more only crowds the database's two cores). */
  async function inBatches<T, R>(items: readonly T[], f: (item: T) => Promise<R>, size = 4): Promise<R[]> {
    const results: R[] = [];
    for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(f))));
    return results;
  }

  /** At `status`: every forbidden role of every command. */
  function combinationsAt(status: CaseStatus): ForbiddenCombination[] {
    return permissionKeys.flatMap((key) => forbiddenCombinations(key, [status]));
  }

  for (const status of caseStatuses) {
    it(`at ${status}: every command it forbids, by every role it forbids`, async () => {
      const template = await templateAt(status);
      const combinations = combinationsAt(status);
      const label = `forbidden-${status}`;
      // Refusals only read, so a few can go to the store at once.
      const results = await inBatches(combinations, (combination) => runThroughStore(store, template.caseId, combination.actor, combination.command, label));
      for (const [i, combination] of combinations.entries()) {
        const what = `${combination.key} at ${status} by ${combination.role}`;
        const expected = decide(combination.state, combination.command, { actor: combination.actor, activityId: 'refusal-test', now: START });
        const result = results[i];
        assert.equal(expected.outcome, 'refused', `${what}: the pure decide refuses it`);
        assert.equal(result.kind, 'refused', what);
        if (result.kind !== 'refused' || expected.outcome !== 'refused') continue;
        assert.equal(result.code, expected.code, what);
        assert.equal(result.reason, expected.reason, what);
        assert.equal(result.version, template.version, what);
      }
      assert.equal(await commitsOf(store, template.caseId), template.commits.length, 'the case has no new commit');
      assert.equal(await store.log.commits.countDocuments({ key: { $regex: `^${label}-` } }), 0, 'no refused command left a commit anywhere');
    });
  }
});
