import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog, type CaseCommit } from '../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import type { CaseEvent } from '../../services/domain/workflow';
import { commandsToReach, replay } from '../cases/caseStoreFixture';
import { answerWholeEnquiry } from '../enquiry/enquiryConversation';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { cardOf, PersonalChat, readableText, TeamChannel, teamsUser, type TeamsUser } from '../support/teams';
import { freshDatabase, testDatabaseUri } from '../support/testDatabase';
import { sam } from '../workflow/support/people';
import { untilDelivered } from './support/deliveries';

const triage = '19:triage-history@thread.tacv2';
const samUser: TeamsUser = { aadObjectId: sam.id, name: sam.name };
const run = promisify(execFile);

/** The workflow tests' journey to the acceptance review, under another case reference. */
function journeyFor(reference: string) {
  return commandsToReach('underAcceptanceReview').map((step) => (step.command.type === 'submitEnquiry' ? { ...step, command: { ...step.command, reference } } : step));
}

describe('Tamper-evident case history, checked by staff and by npm run verify-history', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;
  let log: CaseLog;
  const intact = 'DARS-2026-00301';
  const edited = 'DARS-2026-00302';
  const gap = 'DARS-2026-00303';
  const truncated = 'DARS-2026-00304';

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('history');
    log = new CaseLog(database.db);
    const index = new CaseIndex(database.db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const commands = new CaseCommands(log, index, darsWorkflow(cardsShowing));
    for (const reference of [intact, edited, gap, truncated]) await replay(commands, reference, journeyFor(reference), reference);
    bot = await startTestBot({
      databaseName: database.name,
      // No deadline notices: one landing on a truncated history would fill the gap this test makes.
      env: { TEAMS_SERVICE_URL: connector.url, TRIAGE_CHANNEL_ID: triage, DARS_ROLES: JSON.stringify({ [sam.id]: ['staff'] }), REMINDER_INTERVAL_SECONDS: '0' },
    });
  });

  after(async () => {
    assertEveryCardValid(connector);
    await bot?.stop();
    await connector.close();
  });

  const staffSay = async (text: string) => (await new TeamChannel(bot, connector, samUser, triage).mention(text))[0];
  const commitsOf = (reference: string) => database.db.collection<CaseCommit<CaseEvent>>('caseCommits').find({ caseId: reference }).sort({ base: 1 }).toArray();

  it('a case as written verifies, on the staff command and on its status card', async () => {
    const version = (await log.load(intact)).version;
    assert.match(readableText(await staffSay(`verify ${intact}`)), new RegExp(`${intact}: history verified, \\d+ decisions up to version ${version}`));
    const card = await staffSay(`case ${intact}`);
    assert.ok(cardOf(card));
    assert.match(readableText(card), /History verified: \d+ decisions, each sealed/);
  });

  it('an event edited in the database fails verification at its version', async () => {
    const commit = (await commitsOf(edited))[2]!;
    const [first, ...rest] = commit.events;
    // Someone with database access rewrites who took the decision.
    await database.db.collection('caseCommits').updateOne({ _id: commit._id as never }, { $set: { events: [{ ...first!, actor: { ...first!.actor, name: 'Somebody Else' } }, ...rest] } });
    const reply = readableText(await staffSay(`verify ${edited}`));
    assert.match(reply, new RegExp(`${edited}: history BROKEN at version ${commit.base + 1}: its content does not match its hash`));
    assert.match(readableText(await staffSay(`case ${edited}`)), new RegExp(`History does not verify: broken at version ${commit.base + 1}`));
  });

  it('a commit deleted from the middle or the end of a history is detected', async () => {
    const middle = (await commitsOf(gap))[3]!;
    await database.db.collection('caseCommits').deleteOne({ _id: middle._id as never });
    assert.match(readableText(await staffSay(`verify ${gap}`)), new RegExp(`BROKEN at version ${middle.base + 1}: versions ${middle.base + 1} to ${middle.version} are missing`));

    const last = (await commitsOf(truncated)).at(-1)!;
    await database.db.collection('caseCommits').deleteOne({ _id: last._id as never });
    assert.match(readableText(await staffSay(`verify ${truncated}`)), new RegExp(`BROKEN at version ${last.base + 1}: the case was at version ${last.version}`));
  });

  it('an enquiry submitted in chat is keyed by the Submit’s activity, and its chain verifies once its deliveries are recorded', async () => {
    const applicant = teamsUser('Hana Applicant');
    const chat = new PersonalChat(bot, connector, applicant);
    await answerWholeEnquiry(chat);
    // Two Submits of the same draft at once (a double click): one case, keyed by one of them.
    const submit = (id: string) => chat.post({ id, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'enquiryDraft.submit', data: {} }, trigger: 'manual' } });
    await Promise.all([submit('submit-click-1'), submit('submit-click-2')]);
    const cases = await database.db.collection('cases').find({ applicantId: applicant.aadObjectId }).toArray();
    assert.equal(cases.length, 1, 'one case for one draft');
    const reference = String(cases[0]!._id);
    const [first] = await commitsOf(reference);
    assert.ok(['submit-click-1', 'submit-click-2'].includes(first!.key), `keyed by the Submit activity, not ${first!.key}`);
    assert.equal(first!.events[0]!.activityId, first!.key, 'the history names the activity that caused it');

    await untilDelivered(database.db, reference); // the road records the deliveries on the commit
    assert.match(readableText(await staffSay(`verify ${reference}`)), /history verified/);
  });

  it('"verify" checks every case and names each broken one; npm run verify-history does the same', async () => {
    const reply = readableText(await staffSay('verify'));
    assert.match(reply, /3 do not verify/);
    for (const reference of [edited, gap, truncated]) assert.match(reply, new RegExp(`${reference}: history BROKEN`));
    assert.doesNotMatch(reply, new RegExp(intact));

    const script = path.join(__dirname, '..', '..', 'bot', 'verifyHistory.js');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', MONGODB_URI: testDatabaseUri(), MONGODB_DB: database.name };
    const one = await run(process.execPath, [script, intact], { env });
    assert.match(one.stdout, new RegExp(`${intact}: history verified`));
    const all = await run(process.execPath, [script], { env }).then(
      () => assert.fail('verify-history must exit with 1 when a history is broken'),
      (error: { code: number; stdout: string }) => error,
    );
    assert.equal(all.code, 1);
    assert.match(all.stdout, new RegExp(`${edited}: history BROKEN at version \\d+`));
    assert.match(all.stdout, /Checked 5 cases: 3 do not verify/);
  });
});
