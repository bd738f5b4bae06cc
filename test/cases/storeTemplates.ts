import assert from 'node:assert/strict';

import type { CaseCommit } from '../../services/storage/cases/caseLog';
import { caseStatuses, foldCase, type Actor, type CaseCommand, type CaseEvent, type CaseStatus } from '../../services/domain/workflow';
import { START } from '../workflow/support/data';
import { caseAt } from '../workflow/support/driver';
import { caseStore, commandsToReach, replay, type RecordedCommand } from './caseStoreFixture';

/**
 * The standard case at each status, built through the real store once per suite, for the tests
 * that run the permission table's combinations through `CaseCommands`
 * (transitionsThroughStore.test.ts, and its exhaustive pass transitionsThroughStore.exhaustive.ts).
 *
 * A status's journey continues the journey of another status (drafting continues
 * awaitingDarsContact, and so on), so its template copies that status's template and replays only
 * the remaining commands; each template is checked against the case the pure driver reaches.
 */

export type Store = Awaited<ReturnType<typeof caseStore>>;

export interface Template {
  readonly caseId: string;
  readonly version: number;
  readonly commits: readonly CaseCommit<CaseEvent>[];
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

/** A case as plain JSON, without activity ids (the store's replay names its own). */
const comparable = (state: unknown): unknown => JSON.parse(JSON.stringify(state, (name, value: unknown) => (name === 'activityId' ? undefined : value)));

/** Gives `caseId` in `target` the template's history: its commits in one insert, keys made unique. */
export async function copyCase(template: Template, target: Store, caseId: string): Promise<void> {
  if (template.commits.length === 0) return;
  await target.log.commits.insertMany(template.commits.map((commit) => ({
    ...commit, _id: `${caseId}#${commit.base}`, caseId, key: `${caseId}/${commit.key}`,
  })));
}

/** Templates in `store`, each built the first time a test asks for it (no case at all at `new`). */
export function storeTemplates(store: Store): (status: CaseStatus) => Promise<Template> {
  const templates = new Map<CaseStatus, Promise<Template>>();

  function templateAt(status: CaseStatus): Promise<Template> {
    let template = templates.get(status);
    if (!template) {
      template = makeTemplate(status);
      templates.set(status, template);
    }
    return template;
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

  return templateAt;
}

let runs = 0;
/** Executes `command` by `actor` on `caseId` through the store, under a key that starts with `label-`. */
export function runThroughStore(target: Store, caseId: string, actor: Actor, command: CaseCommand, label: string) {
  runs += 1;
  const key = `${label}-${runs}`;
  return target.commands.execute(command, { caseId, key, now: START, context: { actor, activityId: key, now: START } });
}

export const commitsOf = (target: Store, caseId: string) => target.log.commits.countDocuments({ caseId });
