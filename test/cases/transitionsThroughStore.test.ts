import assert from 'node:assert/strict';

import { caseStatuses, decide, permissionKeys, type Refusal } from '../../services/domain/workflow';
import { START } from '../workflow/support/data';
import { allowedTransitions, forbiddenCombinations, type ForbiddenCombination } from '../workflow/support/permissionCases';
import { caseStore } from './caseStoreFixture';
import { commitsOf, copyCase, runThroughStore, storeTemplates, type Store, type Template } from './storeTemplates';

/**
 * The permission table through the real store: the combinations of the pure permission tests
 * (test/workflow/permissions.test.ts, enumerated by support/permissionCases), executed by
 * `CaseCommands` with the DARS workflow on the real database, on the standard case at each
 * status (storeTemplates.ts).
 *
 * Allowed: every (command, status, role) of the table runs on its own copy of the template (its
 * commits inserted under a new case id in one insertMany), and must be applied as exactly one
 * new commit.
 *
 * Refused: the store passes `decide`'s refusal through unchanged, whatever the combination, so
 * one forbidden combination per kind of refusal goes through the store here (the pure test
 * refuses all ~9,000 of them; `npm run test:exhaustive` sends every one through the store too,
 * transitionsThroughStore.exhaustive.ts).
 */

describe('every transition through the case store on the real database', () => {
  // Templates (and the refusals run on them) in one database, copies in another: the embedded
  // FerretDB reads a case more slowly the more commits the collection holds, so each copy is
  // also deleted once its test is done.
  let store: Store;
  let copies: Store;
  let templateAt: (status: (typeof caseStatuses)[number]) => Promise<Template>;
  before(async () => {
    store = await caseStore('transitions', () => START);
    copies = await caseStore('transitioncopies', () => START);
    templateAt = storeTemplates(store);
  });

  describe('every allowed transition is applied as one commit', () => {
    let copied = 0;
    for (const transition of allowedTransitions()) {
      const { key, status, role, actor } = transition;
      it(`${key} at ${status} by ${role}`, async () => {
        const { sample } = transition;
        const template = await templateAt(status);
        copied += 1;
        const caseId = `copy-${copied}-${status}`;
        await copyCase(template, copies, caseId);
        let { version } = template;
        for (const [setupActor, command] of sample.setup ?? []) {
          const setup = await runThroughStore(copies, caseId, setupActor, command, 'setup');
          assert.equal(setup.kind, 'applied', `setup ${command.type}: ${setup.kind === 'refused' ? setup.reason : setup.kind}`);
          if (setup.kind !== 'applied') return;
          assert.equal(setup.state.status, status, 'the setup leaves the case at the same status');
          version = setup.version;
        }

        const result = await runThroughStore(copies, caseId, actor, sample.command, 'allowed');

        assert.equal(result.kind, 'applied', result.kind === 'refused' ? `[${result.code}] ${result.reason}` : '');
        if (result.kind !== 'applied') return;
        assert.ok(result.events.length > 0, 'an applied decision records something');
        assert.equal(result.version, version + result.events.length);
        assert.equal(await commitsOf(copies, caseId), template.commits.length + (sample.setup?.length ?? 0) + 1, 'exactly one new commit');
        await Promise.all([copies.log.commits.deleteMany({ caseId }), copies.index.cases.deleteOne({ _id: caseId })]);
      });
    }
  });

  describe('a forbidden command is refused as decide refuses it, and writes nothing: one of each kind of refusal', () => {
    for (const [kind, combination] of oneRefusalOfEachKind()) {
      const { key, status, role, actor, command, state } = combination;
      it(`${kind}: ${key} at ${status} by ${role}`, async () => {
        const template = await templateAt(status);
        const expected = decide(state, command, { actor, activityId: 'refusal-test', now: START }) as Refusal;
        const label = `refused-${status}-${key}`;

        const result = await runThroughStore(store, template.caseId, actor, command, label);

        assert.equal(result.kind, 'refused');
        if (result.kind !== 'refused') return;
        assert.deepEqual([result.code, result.reason, result.version], [expected.code, expected.reason, template.version]);
        assert.equal(await commitsOf(store, template.caseId), template.commits.length, 'the case has no new commit');
        assert.equal(await store.log.commits.countDocuments({ key: { $regex: `^${label}-` } }), 0, 'the refused command left no commit anywhere');
      });
    }
  });
});

/**
 * The first forbidden combination of the table for each kind of refusal `decide` gives: its code,
 * and for "no such case" whether a case exists at all (none at `new`; a case the person may not
 * see otherwise), since the store takes a different path for each.
 */
function oneRefusalOfEachKind(): Map<string, ForbiddenCombination> {
  const kinds = new Map<string, ForbiddenCombination>();
  for (const status of caseStatuses) {
    for (const combination of permissionKeys.flatMap((key) => forbiddenCombinations(key, [status]))) {
      const decision = decide(combination.state, combination.command, { actor: combination.actor, activityId: 'refusal-test', now: START });
      if (decision.outcome !== 'refused') continue; // the pure permission test fails on this one
      const kind = decision.code === 'notFound' ? `${decision.code} (${combination.state ? 'a case they may not see' : 'no case yet'})` : decision.code;
      if (!kinds.has(kind)) kinds.set(kind, combination);
    }
  }
  return kinds;
}
