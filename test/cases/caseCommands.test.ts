import assert from 'node:assert/strict';

import { diffApplicationVersions, foldCase } from '../../services/domain/workflow';
import { REFERENCE } from '../workflow/support/data';
import { ada, sam } from '../workflow/support/people';
import { caseStore, commandsToReach, replay } from './caseStoreFixture';

describe('The case store on the real database', () => {
  it('takes a full GP-data case from enquiry to access arranged, through PAG, one commit per decision', async () => {
    const { commands, log, index } = await caseStore('fullcase');
    const journey = commandsToReach('accessArranged');
    const final = await replay(commands, REFERENCE, journey);

    assert.equal(final.kind, 'applied');
    const stored = await log.load(REFERENCE);
    const state = foldCase(stored.events)!;
    assert.equal(state.status, 'accessArranged');
    assert.equal(state.version, stored.version);
    assert.ok(state.facts.assurance?.reviews.pag, 'PAG reviewed the GP data');
    assert.equal(await log.commits.countDocuments({ caseId: REFERENCE }), journey.length);

    const record = await index.get(REFERENCE);
    assert.equal(record?.status, 'accessArranged');
    assert.equal(record?.version, stored.version);
    assert.equal(record?.open, false);
    assert.equal(record?.nextDue, undefined, 'a closed case keeps no due date in the index');
  });

  it('leaves the index on the newest version when a late writer projects an older one', async () => {
    const { commands, log, index } = await caseStore('lateindex');
    const journey = commandsToReach('enquiryUnderReview');
    await replay(commands, REFERENCE, journey.slice(0, 1));
    const first = await log.load(REFERENCE);
    await replay(commands, REFERENCE, journey.slice(1), 'later');
    const latest = await log.load(REFERENCE);
    assert.ok(latest.version > first.version, 'a second decision landed on top of the first');

    // The writer of the first decision was delayed, and its update (not atomic on FerretDB 1.24)
    // overwrote the newer projection; then it finishes its refresh.
    const older = foldCase(first.events)!;
    await index.cases.updateOne({ _id: REFERENCE }, { $set: { version: first.version, status: older.status } });
    await commands.refreshIndex(REFERENCE, older, first.version, first.head, new Date());
    const record = await index.get(REFERENCE);
    assert.equal(record?.version, latest.version);
    assert.equal(record?.status, foldCase(latest.events)!.status);
  });

  it('writes the outbox entries in the same commit as the events', async () => {
    const { commands, log } = await caseStore('outbox');
    const [submit] = commandsToReach('enquiryUnderReview');
    await replay(commands, REFERENCE, [submit]);
    const [commit] = await log.commits.find({ caseId: REFERENCE }).toArray();
    assert.equal(commit.events[0].type, 'enquirySubmitted');
    assert.deepEqual(commit.outbox[0].effect, { kind: 'postCard', channel: 'triage', card: 'enquiryReview' });
    assert.deepEqual(commit.outbox.at(-1)?.effect, { kind: 'eventNotices', firstVersion: 1, lastVersion: commit.events.length });
    assert.deepEqual(commit.pendingOutbox, commit.outbox.map((entry) => entry.id));
    assert.equal(commit.outboxPending, true, 'the outbox worker finds the commit by this flag');
  });

  it('applies exactly one of 20 conflicting decisions made at once on the same card', async () => {
    const { commands, log } = await caseStore('conflicts');
    const submitted = await replay(commands, REFERENCE, commandsToReach('enquiryUnderReview'));
    const decisions = Array.from({ length: 20 }, (_, i) =>
      commands.execute(i % 2 ? { type: 'acceptEnquiry' } : { type: 'declineEnquiry', reason: `Reason ${i}`, alternatives: ['The ONS Secure Research Service'] }, {
        caseId: REFERENCE,
        key: `click-${i}`,
        now: new Date(),
        shown: { version: submitted.version },
        context: { actor: { ...sam, id: `staff-${i}` }, activityId: `click-${i}`, now: new Date() },
      }),
    );
    const results = await Promise.all(decisions);
    assert.equal(results.filter((result) => result.kind === 'applied').length, 1);
    assert.ok(results.every((result) => result.kind === 'applied' || result.kind === 'stale'), 'the others get the current case back');
    assert.equal(await log.commits.countDocuments({ caseId: REFERENCE }), 3, 'two commits to reach review, then one decision');
  });

  it('decides again on the fresh case when a chat command loses the race, and refuses what no longer applies', async () => {
    const { commands, log } = await caseStore('redecide');
    const submitted = await replay(commands, REFERENCE, commandsToReach('enquiryUnderReview'));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        commands.execute({ type: 'acceptEnquiry' }, { caseId: REFERENCE, key: `chat-${i}`, now: new Date(), context: { actor: sam, activityId: `chat-${i}`, now: new Date() } }),
      ),
    );
    assert.equal(results.filter((result) => result.kind === 'applied').length, 1);
    const refused = results.filter((result) => result.kind === 'refused');
    assert.equal(refused.length, 9);
    assert.ok(refused.every((result) => result.kind === 'refused' && result.code === 'wrongStage'));
    assert.equal(await log.commits.countDocuments({ caseId: REFERENCE, base: { $gte: submitted.version } }), 1);
  });

  it('applies a replayed command once and returns its first outcome, even when the replays race', async () => {
    const { commands, log } = await caseStore('replay');
    const submitted = await replay(commands, REFERENCE, commandsToReach('enquiryUnderReview'));
    const run = { caseId: REFERENCE, key: 'teams-activity-42', now: new Date(), context: { actor: sam, activityId: 'teams-activity-42', now: new Date() } };
    const results = await Promise.all(Array.from({ length: 5 }, () => commands.execute({ type: 'acceptEnquiry' }, run)));
    const again = await commands.execute({ type: 'acceptEnquiry' }, run);
    assert.equal(results.filter((result) => result.kind === 'applied').length, 1);
    assert.ok([...results, again].every((result) => result.kind === 'applied' || result.kind === 'replayed'));
    assert.equal(again.kind === 'replayed' && again.events[0].type, 'enquiryAccepted');
    assert.equal(await log.commits.countDocuments({ caseId: REFERENCE, base: { $gte: submitted.version } }), 1);
  });

  it('keeps every version of the application sections, so the reviewer sees what changed', async () => {
    const { commands, log } = await caseStore('amendments');
    const journey = commandsToReach('amendmentsRequested');
    await replay(commands, REFERENCE, journey);
    const now = journey.at(-1)!.now;
    const objective = { aim: 'Measure emergency readmission within 90 days of elective hip replacement.', howTheDataAchievesIt: 'Linked admitted patient care records show each readmission.', dataSubjects: 'Adults with an elective hip replacement, 2015 to 2024.\nNo control group.', widerProgramme: '' };
    for (const command of [
      { type: 'saveApplicationSection', section: 'objective', content: objective },
      { type: 'resubmitApplication' },
    ] as const) {
      const result = await commands.execute(command, { caseId: REFERENCE, key: `amend-${command.type}`, now, context: { actor: ada, activityId: `amend-${command.type}`, now } });
      assert.equal(result.kind, 'applied', `${command.type}: ${'reason' in result ? result.reason : ''}`);
    }
    const state = foldCase((await log.load(REFERENCE)).events)!;
    assert.equal(state.status, 'underAcceptanceReview');
    const diffs = diffApplicationVersions(state.facts.application, 1, 2);
    assert.deepEqual(diffs.map((diff) => diff.section), ['objective'], 'only the amended section changed');
    const changed = diffs[0].lines.filter((line) => line.change !== 'same').map((line) => `${line.change} ${line.text}`);
    assert.ok(changed.some((line) => /30 days/.test(line)) && changed.some((line) => /90 days/.test(line)), changed.join('\n'));
  });
});
