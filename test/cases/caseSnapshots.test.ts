import assert from 'node:assert/strict';

import { CaseSnapshots } from '../../services/storage/cases/caseSnapshots';
import { CaseStates } from '../../services/storage/cases/caseStates';
import { canonicalJson } from '../../services/domain/integrity/canonicalJson';
import { foldCase, type CaseState } from '../../services/domain/workflow';
import { REFERENCE } from '../workflow/support/data';
import { caseStore, commandsToReach, replay } from './caseStoreFixture';

/**
 * The per-case snapshot is a copy of the log's fold that decisions and reads use instead of
 * every commit. What matters to people: it always says what the log says, and when it trails
 * the log (a process that died between a commit and its snapshot) nobody is shown or refused on
 * the old case.
 */
describe('The case snapshot on the real database', () => {
  it('holds exactly the fold of the log, its version and head, after every decision of a whole case', async () => {
    const { commands, log, db } = await caseStore('snapfull');
    const journey = commandsToReach('accessArranged');
    const snapshots = new CaseSnapshots<CaseState>(db);
    for (const [i, step] of journey.entries()) {
      await replay(commands, REFERENCE, [step], `step${i}`);
      const stored = await log.load(REFERENCE);
      const snapshot = await snapshots.read(REFERENCE);
      assert.equal(snapshot?.version, stored.version, `version after ${step.command.type}`);
      assert.equal(snapshot?.head, stored.head, `head after ${step.command.type}`);
      assert.equal(canonicalJson(snapshot?.state), canonicalJson(foldCase(stored.events)), `state after ${step.command.type}`);
    }
  });

  it('is not trusted once a commit has overtaken it: reads and decisions use the case as it is', async () => {
    const { commands, log, db } = await caseStore('snaptrail');
    const journey = commandsToReach('assessing');
    await replay(commands, REFERENCE, journey.slice(0, -1));
    const snapshots = new CaseSnapshots<CaseState>(db);
    const before = (await snapshots.read(REFERENCE))!;
    await replay(commands, REFERENCE, journey.slice(-1), 'last');
    // The process died between the last commit and its snapshot: put the older snapshot back.
    await snapshots.snapshots.updateOne({ _id: REFERENCE }, { $set: { version: before.version, head: before.head, state: JSON.stringify(before.state) } });

    const states = new CaseStates(log);
    const now = foldCase((await log.load(REFERENCE)).events)!;
    assert.equal((await states.get(REFERENCE))?.status, now.status, 'status reads the log when the snapshot trails');
    assert.notEqual(before.state.status, now.status);

    // A command only the current stage allows, decided on the trailing snapshot: applied, not refused.
    const next = commandsToReach('assessmentComplete')[journey.length];
    assert.ok(next, 'the journey goes on past assessing');
    const result = await commands.execute(next.command, {
      caseId: REFERENCE, key: 'after-trailing', now: next.now, loaded: await states.forDecision(REFERENCE),
      context: { actor: next.actor, activityId: 'after-trailing', now: next.now },
    });
    assert.equal(result.kind, 'applied', `decided on the case as it is (${'reason' in result ? result.reason : ''})`);
    assert.equal((await snapshots.read(REFERENCE))?.version, (await log.load(REFERENCE)).version, 'and the snapshot caught up');
  });

  it('ignores a snapshot made by another form of the fold', async () => {
    const { commands, log, db } = await caseStore('snapform');
    await replay(commands, REFERENCE, commandsToReach('enquiryUnderReview'));
    const snapshots = new CaseSnapshots<CaseState>(db);
    await snapshots.snapshots.updateOne({ _id: REFERENCE }, { $set: { form: 0, state: JSON.stringify({ status: 'closed' }) } });
    assert.equal((await new CaseStates(log).get(REFERENCE))?.status, 'enquiryUnderReview');
  });
});
