import assert from 'node:assert/strict';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { addWorkingDays, londonDate } from '../../services/domain/calendar';
import { unseenCaseMessage } from '../../services/domain/workflow';
import { commandsToReach, replay, type RecordedCommand } from '../cases/caseStoreFixture';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { cardOf, readableText, TeamChannel, type TeamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { dana, pat, sam } from '../workflow/support/people';

const triage = '19:triage-staff@thread.tacv2';
const pagChannel = '19:pag-staff@thread.tacv2';
const samUser: TeamsUser = { aadObjectId: sam.id, name: sam.name };
const danaUser: TeamsUser = { aadObjectId: dana.id, name: dana.name };
const patUser: TeamsUser = { aadObjectId: pat.id, name: pat.name };

/**
 * The workflow tests' journey to a status, for another case reference; an enquiry can be moved
 * to recent dates (the later stages keep the journey's own dates, which its content fits).
 */
function journey(reference: string, status: Parameters<typeof commandsToReach>[0], startedWorkingDaysAgo?: number): RecordedCommand[] {
  const steps = commandsToReach(status);
  const shift = startedWorkingDaysAgo === undefined ? 0 : new Date(`${addWorkingDays(londonDate(new Date()), -startedWorkingDaysAgo)}T09:00:00Z`).getTime() - steps[0].now.getTime();
  return steps.map((step) => ({
    ...step,
    now: new Date(step.now.getTime() + shift),
    command: step.command.type === 'submitEnquiry' ? { ...step.command, reference } : step.command,
  }));
}

describe('Staff @mention the bot in their channels', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;

  before(async () => {
    connector = await ConnectorStandIn.start();
    const { db, name } = freshDatabase('staffchannel');
    const log = new CaseLog(db);
    const index = new CaseIndex(db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const commands = new CaseCommands(log, index, darsWorkflow(cardsShowing));
    await replay(commands, 'DARS-2026-00201', journey('DARS-2026-00201', 'enquiryUnderReview', 1), 'a');
    await replay(commands, 'DARS-2026-00202', journey('DARS-2026-00202', 'enquiryUnderReview', 30), 'b');
    await replay(commands, 'DARS-2026-00203', journey('DARS-2026-00203', 'underAcceptanceReview'), 'c');
    bot = await startTestBot({
      databaseName: name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        TRIAGE_CHANNEL_ID: triage,
        PAG_CHANNEL_ID: pagChannel,
        DARS_ROLES: JSON.stringify({ [sam.id]: ['staff'], [dana.id]: ['staff'], [pat.id]: ['pag'] }),
      },
    });
  });

  after(async () => {
    assertEveryCardValid(connector);
    await bot?.stop();
    await connector.close();
  });

  it('"queue" lists the cases waiting on the channel, soonest due first', async () => {
    const [reply] = await new TeamChannel(bot, connector, samUser, triage).mention('queue');
    const text = readableText(reply);
    assert.match(text, /Waiting on DARS staff/);
    assert.ok(text.indexOf('DARS-2026-00202') < text.indexOf('DARS-2026-00201'), 'the older case first');
    assert.doesNotMatch(text, /DARS-2026-00203/, 'a case waiting on its DARS contact is not in the staff queue');
  });

  it('"mine" lists the cases where I am the DARS contact', async () => {
    const [reply] = await new TeamChannel(bot, connector, danaUser, triage).mention('mine');
    assert.match(readableText(reply), /Your cases\*\* \(1\)[\s\S]*DARS-2026-00203/);
  });

  it('"overdue" lists the cases past their due date', async () => {
    const [reply] = await new TeamChannel(bot, connector, samUser, triage).mention('overdue');
    const text = readableText(reply);
    assert.match(text, /DARS-2026-00202.*\(\*\*overdue\*\*\)/);
    assert.doesNotMatch(text, /DARS-2026-00201/);
  });

  it('a case by reference shows its status card, with the history', async () => {
    const [reply] = await new TeamChannel(bot, connector, samUser, triage).mention('case DARS-2026-00203');
    assert.ok(cardOf(reply), 'a card');
    assert.match(readableText(reply), /DARS-2026-00203/);
    assert.match(readableText(reply), /application/i);
    const [unknown] = await new TeamChannel(bot, connector, samUser, triage).mention('case DARS-2026-09999');
    assert.equal(readableText(unknown), unseenCaseMessage('DARS-2026-09999'));
  });

  it('"verify" checks every case only for DARS staff, and a named case only for someone who may see it', async () => {
    const pag = new TeamChannel(bot, connector, patUser, pagChannel);
    const [every] = await pag.mention('verify');
    assert.match(readableText(every), /Only DARS staff can check every case’s history/);
    const [named] = await pag.mention('verify DARS-2026-00201');
    assert.equal(readableText(named), unseenCaseMessage('DARS-2026-00201'), 'PAG has no part in a case before assurance');
    const [staff] = await new TeamChannel(bot, connector, samUser, triage).mention('verify DARS-2026-00201');
    assert.match(readableText(staff), /DARS-2026-00201: history verified/);
  });

  it('anything else gets the list of what it can do', async () => {
    const [reply] = await new TeamChannel(bot, connector, samUser, triage).mention('hello');
    assert.match(readableText(reply), /\*\*queue\*\*.*\n.*\*\*mine\*\*/s);
  });
});
