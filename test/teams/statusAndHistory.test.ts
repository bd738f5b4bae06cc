import assert from 'node:assert/strict';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { commandsToReach, replay } from '../cases/caseStoreFixture';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, type TeamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { ada, asha, carl, dana, gus, oscar, pat, sam } from '../workflow/support/people';

/**
 * "status" and "history" in the 1:1 chat, for the people on a case awaiting signatures (it has
 * been through enquiry, assessment, application, three reviews — one with conditions — approval
 * and the DSA): the applicant reads dated plain-English lines without staff's names or internal
 * steps; the DARS contact reads everything; the data controller signatory finds the case too;
 * someone with no part in it learns nothing.
 */
const reference = 'DARS-2026-00501';
const user = (actor: { id: string; name: string }): TeamsUser => ({ aadObjectId: actor.id, name: actor.name });
const spokenDate = /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;

describe('Status with history in the 1:1 chat', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  const say = async (actor: { id: string; name: string }, text: string) => (await new PersonalChat(bot, connector, user(actor)).say(text)).map(readableText).join('\n');

  before(async () => {
    connector = await ConnectorStandIn.start();
    const database = freshDatabase('status-history');
    const log = new CaseLog(database.db);
    const index = new CaseIndex(database.db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const journey = commandsToReach('awaitingSignatures').map((step) => (step.command.type === 'submitEnquiry' ? { ...step, command: { ...step.command, reference } } : step));
    await replay(new CaseCommands(log, index, darsWorkflow(cardsShowing)), reference, journey, reference);
    bot = await startTestBot({ databaseName: database.name, env: { TEAMS_SERVICE_URL: connector.url, DARS_ROLES: JSON.stringify({ [sam.id]: ['staff'] }) } });
  });

  after(async () => {
    await bot?.stop();
    await connector.close();
  });

  it('the applicant\'s status shows the stage, the next step with its holder and due date, and the latest events', async () => {
    const status = await say(ada, 'status');
    assert.match(status, new RegExp(`\\*\\*${reference}\\*\\* \\(NIC-[^)]+\\): .+\\. Next: .+, due by ${spokenDate.source}( \\(overdue\\))?\\.`));
    assert.match(status, /Latest:\n- /);
    assert.match(status, new RegExp(`Say \\*\\*history ${reference}\\*\\* for the whole history`));
  });

  it('"history" gives the applicant every step in dated plain English, without staff-only detail', async () => {
    const history = await say(ada, 'history');
    assert.match(history, new RegExp(`History of ${reference}`));
    const lines = history.split('\n').filter((line) => line.startsWith('- '));
    assert.ok(lines.length >= 10, history);
    for (const line of lines) assert.match(line, new RegExp(`^- ${spokenDate.source}: `));
    assert.match(history, /Ada Applicant submitted the enquiry/);
    assert.match(history, /DARS accepted the enquiry into preliminary assessment/);
    assert.match(history, /Dana Contact/, 'the DARS contact is named');
    assert.match(history, /The Advisory Group for Data \(AGD\) supported the application with conditions/);
    assert.match(history, /DARS approved the application/);
    // Reviewers and other staff are not named; internal steps and ISO dates do not appear.
    for (const hidden of [sam.name, asha.name, gus.name, pat.name, 'Abe Approver', 'DARS Bot recommended', 'is due to finish', 'deadline']) assert.doesNotMatch(history, new RegExp(hidden));
    assert.doesNotMatch(history, /\d{4}-\d{2}-\d{2}/);
    assert.equal(await say(ada, `history ${reference}`), history);
  });

  it('the DARS contact reads the full history, and the signatory who must sign finds the case in status', async () => {
    const history = await say(dana, `history ${reference}`);
    assert.match(history, new RegExp(`${asha.name}, for the assurance review, supported the application`));
    assert.match(history, /is due to finish by/);
    assert.match(await say(carl, 'status'), new RegExp(`\\*\\*${reference}\\*\\*.*Next: .*\\(.*you.*\\)`));
  });

  it('someone with no part in the case is told exactly what a missing reference gets', async () => {
    const answer = await say(oscar, `history ${reference}`);
    assert.equal(answer, await say(oscar, 'history DARS-2026-99999').then((text) => text.replace('DARS-2026-99999', reference)));
    assert.match(answer, /there is no such case, or you have no part in it/);
    assert.match(await say(oscar, 'history'), /You have no DARS cases yet/);
  });
});
