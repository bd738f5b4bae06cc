import type { Db } from 'mongodb';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { darsWorkflow, type DarsCaseCommands } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { NIC, REFERENCE } from '../../test/workflow/support/data';
import { ada, dana, mo, sam } from '../../test/workflow/support/people';
import { buildTemplate, cloneCase, keyPrefix } from './journeys';
import type { PlannedCase, SeededStatus } from './population';

/**
 * Checks that seeding writes what the store itself writes: for one case per status, the
 * template's journey is replayed command by command through `CaseCommands` (on a scratch
 * database), and the documents it stored are compared with the clone of the same journey.
 * Outbox entry ids (random), the commits' `hash` and `previousHash` (which cover those ids, so
 * they differ whenever the ids do; the chain itself is checked by `test/cases/commitChain.test.ts`)
 * and `pendingOutbox`/`outboxPending` (the clone's history counts as delivered) are left out of
 * the comparison; any other difference is reported.
 */

export interface ProbeResult {
  readonly status: SeededStatus;
  readonly decisions: number;
  /** Fields of the `cases` record or of a commit that differ, e.g. "cases.nextDue". */
  readonly differences: readonly string[];
}

/** The workflow tests' cast as a planned case, so a clone of a template is the template itself. */
const castCase = (status: SeededStatus, day: string): PlannedCase => ({
  reference: REFERENCE,
  nicNumber: NIC,
  status,
  day,
  applicant: ada,
  member: mo,
  contact: dana,
  triage: sam,
});

export async function probeClones(db: Db, samples: readonly { status: SeededStatus; day: string }[]): Promise<ProbeResult[]> {
  const log = new CaseLog(db);
  const index = new CaseIndex(db);
  await log.ensureIndexes();
  await index.ensureIndexes();
  const commands: DarsCaseCommands = new CaseCommands(log, index, darsWorkflow(cardsShowing));

  const results: ProbeResult[] = [];
  for (const { status, day } of samples) {
    const template = buildTemplate(status, day);
    for (const [i, step] of template.steps.entries()) {
      const key = `${keyPrefix(REFERENCE)}${i + 1}`;
      const context = { actor: step.actor, activityId: key, now: step.now };
      const result = await commands.execute(step.command, { caseId: REFERENCE, key, now: step.now, context });
      if (result.kind !== 'applied') throw new Error(`probe ${status}: step ${i} (${step.command.type}) was ${result.kind}`);
    }
    const stored = await readCase(log, index);

    // Put the clone in the store's place and read it back the same way.
    await log.commits.deleteMany({ caseId: REFERENCE });
    await index.cases.deleteOne({ _id: REFERENCE });
    const clone = cloneCase(template, castCase(status, day));
    await log.commits.insertMany(clone.commits, { ordered: false });
    await index.cases.insertOne(clone.record);
    const cloned = await readCase(log, index);
    await log.commits.deleteMany({ caseId: REFERENCE });
    await index.cases.deleteOne({ _id: REFERENCE });

    results.push({ status, decisions: template.steps.length, differences: compare(stored, cloned) });
  }
  return results;
}

async function readCase(log: CaseLog, index: CaseIndex): Promise<Record<string, unknown>> {
  const commits = await log.commits.find({ caseId: REFERENCE }).sort({ base: 1 }).toArray();
  return {
    cases: await index.cases.findOne({ _id: REFERENCE }),
    caseCommits: commits.map(({ pendingOutbox: _pending, outboxPending: _flag, hash: _hash, previousHash: _previous, outbox, ...commit }) => ({
      ...commit,
      outbox: outbox.map(({ id: _id, ...entry }) => entry),
    })),
  };
}

/** Paths (to the second level) where two documents differ, ignoring key order. */
function compare(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const differences: string[] = [];
  for (const collection of ['cases', 'caseCommits']) {
    const left = (a[collection] ?? {}) as Record<string, unknown>;
    const right = (b[collection] ?? {}) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (canonical(left[key]) !== canonical(right[key])) differences.push(`${collection}.${key}`);
    }
  }
  return differences;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y)))
      : inner,
  ) ?? 'undefined';
}
