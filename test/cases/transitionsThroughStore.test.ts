import assert from 'node:assert/strict';

import type { CaseCommit } from '../../services/cases/caseLog';
import { caseStatuses, decide, foldCase, permissionKeys, type Actor, type CaseCommand, type CaseEvent, type CaseStatus } from '../../services/workflow';
import { START } from '../workflow/support/data';
import { caseAt } from '../workflow/support/driver';
import { allowedTransitions, forbiddenCombinations, type ForbiddenCombination } from '../workflow/support/permissionCases';
import { caseStore, commandsToReach, replay, type RecordedCommand } from './caseStoreFixture';

/**
 * The permission table through the real store: the combinations of the pure permission tests
 * (test/workflow/permissions.test.ts, enumerated by support/permissionCases), each executed by
 * `CaseCommands` with the DARS workflow on the real database.
 *
 * Templates: the standard case at each status is built through the store once. Its journey
 * continues the journey of another status (drafting continues awaitingDarsContact, and so on),
 * so the template copies that status's template and replays only the remaining commands; each
 * template is checked against the case the pure driver reaches.
 *
 * Allowed: every (command, status, role) of the table runs on its own copy of the template (its
 * commits inserted under a new case id in one insertMany), and must be applied as exactly one
 * new commit.
 *
 * Forbidden: every forbidden (command, status, role) combination of the table, about 9,000,
 * each by a person in that role. A refusal writes nothing, so these run on the
 * template itself; the test checks that no commit appeared. Each refusal must carry the code and
 * sentence the pure `decide` gives for the same case, command and person.
 */

describe('every transition through the case store on the real database', () => {
  type Store = Awaited<ReturnType<typeof caseStore>>;
  // Templates (and the refusals run on them) in one database, copies in another: the embedded
  // FerretDB reads a case more slowly the more commits the collection holds, so each copy is
  // also deleted once its test is done.
  let store: Store;
  let copies: Store;
  before(async () => {
    store = await caseStore('transitions', () => START);
    copies = await caseStore('transitioncopies', () => START);
  });

  interface Template {
    readonly caseId: string;
    readonly version: number;
    readonly commits: readonly CaseCommit<CaseEvent>[];
  }
  const templates = new Map<CaseStatus, Promise<Template>>();

  /** The standard case at `status` through the store, built once (no case at all at `new`). */
  function templateAt(status: CaseStatus): Promise<Template> {
    let template = templates.get(status);
    if (!template) {
      template = makeTemplate(status);
      templates.set(status, template);
    }
    return template;
  }

  const journeys = new Map<CaseStatus, readonly RecordedCommand[]>(caseStatuses.map((status) => [status, status === 'new' ? [] : commandsToReach(status)]));
  const sameStep = (a: RecordedCommand, b: RecordedCommand) => JSON.stringify(a) === JSON.stringify(b);

  /** The status whose journey is the longest proper prefix of this one's (`new` at worst). */
  function journeyContinued(status: CaseStatus): CaseStatus {
    const journey = journeys.get(status)!;
    let best: CaseStatus = 'new';
    for (const [other, steps] of journeys) {
      if (steps.length < journey.length && steps.length > journeys.get(best)!.length && steps.every((step, i) => sameStep(step, journey[i]))) best = other;
    }
    return best;
  }

  async function makeTemplate(status: CaseStatus): Promise<Template> {
    const caseId = `template-${status}`;
    if (status === 'new') return { caseId, version: 0, commits: [] };
    const from = journeyContinued(status);
    await copyCase(await templateAt(from), store, caseId);
    await replay(store.commands, caseId, journeys.get(status)!.slice(journeys.get(from)!.length), caseId);
    const commits = await store.log.commits.find({ caseId }).sort({ base: 1 }).toArray();
    const stored = foldCase(commits.flatMap((commit) => commit.events));
    assert.equal(stored?.status, status, `the template reaches ${status}`);
    assert.deepEqual(comparable(stored), comparable(caseAt(status).state), `the stored case at ${status} is the one the pure driver reaches`);
    return { caseId, version: commits.at(-1)!.version, commits };
  }

  /** A case as plain JSON, without activity ids (the store's replay names its own). */
  const comparable = (state: unknown): unknown => JSON.parse(JSON.stringify(state, (name, value: unknown) => (name === 'activityId' ? undefined : value)));

  /** Gives `caseId` in `target` the template's history: its commits in one insert, keys made unique. */
  async function copyCase(template: Template, target: Store, caseId: string): Promise<void> {
    if (template.commits.length === 0) return;
    await target.log.commits.insertMany(template.commits.map((commit) => ({
      ...commit, _id: `${caseId}#${commit.base}`, caseId, key: `${caseId}/${commit.key}`,
    })));
  }

  let runs = 0;
  function run(target: Store, caseId: string, actor: Actor, command: CaseCommand, label: string) {
    runs += 1;
    const key = `${label}-${runs}`;
    return target.commands.execute(command, { caseId, key, now: START, context: { actor, activityId: key, now: START } });
  }

  /** Maps `items` through `f`, `size` at a time (more only crowds the database's two cores). */
  async function inBatches<T, R>(items: readonly T[], f: (item: T) => Promise<R>, size = 4): Promise<R[]> {
    const results: R[] = [];
    for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(f))));
    return results;
  }

  const commitsOf = (target: Store, caseId: string) => target.log.commits.countDocuments({ caseId });

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
          const setup = await run(copies, caseId, setupActor, command, 'setup');
          assert.equal(setup.kind, 'applied', `setup ${command.type}: ${setup.kind === 'refused' ? setup.reason : setup.kind}`);
          if (setup.kind !== 'applied') return;
          assert.equal(setup.state.status, status, 'the setup leaves the case at the same status');
          version = setup.version;
        }

        const result = await run(copies, caseId, actor, sample.command, 'allowed');

        assert.equal(result.kind, 'applied', result.kind === 'refused' ? `[${result.code}] ${result.reason}` : '');
        if (result.kind !== 'applied') return;
        assert.ok(result.events.length > 0, 'an applied decision records something');
        assert.equal(result.version, version + result.events.length);
        assert.equal(await commitsOf(copies, caseId), template.commits.length + (sample.setup?.length ?? 0) + 1, 'exactly one new commit');
        await Promise.all([copies.log.commits.deleteMany({ caseId }), copies.index.cases.deleteOne({ _id: caseId })]);
      });
    }
  });

  describe('forbidden combinations are refused as decide refuses them, and write nothing', () => {
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
        const results = await inBatches(combinations, (combination) => run(store, template.caseId, combination.actor, combination.command, label));
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
});
