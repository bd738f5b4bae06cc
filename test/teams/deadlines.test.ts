import assert from 'node:assert/strict';

import { CaseCommands } from '../../services/cases/caseCommands';
import { CaseIndex } from '../../services/cases/caseIndex';
import { CaseLog } from '../../services/cases/caseLog';
import { darsWorkflow } from '../../services/cases/darsWorkflow';
import { addWorkingDays, londonDate } from '../../services/calendar';
import { enquiry } from '../workflow/support/data';
import { BotProcess } from '../support/botProcess';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';

const triage = '19:triage-deadlines@thread.tacv2';
const sam = teamsUser('Sam Staff');

describe('Deadline reminders and escalations, with two bot processes running the worker', () => {
  let connector: ConnectorStandIn;
  const bots: BotProcess[] = [];

  before(async function () {
    connector = await ConnectorStandIn.start();
    const { db, name } = freshDatabase('deadlines');
    const log = new CaseLog(db);
    const index = new CaseIndex(db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const commands = new CaseCommands(log, index, darsWorkflow);

    // Two enquiries submitted in the past (by the calendar, in working days): one whose review is
    // due in two working days (a reminder is due today), one whose review is long overdue.
    const today = londonDate(new Date());
    const submit = async (reference: string, workingDaysAgo: number) => {
      const on = new Date(`${addWorkingDays(today, -workingDaysAgo)}T10:00:00Z`);
      const applicant = teamsUser(`Applicant ${reference}`);
      const result = await commands.execute(
        { type: 'submitEnquiry', reference, enquiry: enquiry() },
        { caseId: reference, key: `submit-${reference}`, now: on, context: { actor: { id: applicant.aadObjectId, name: applicant.name, roles: [] }, activityId: `submit-${reference}`, now: on } },
      );
      assert.equal(result.kind, 'applied');
    };
    await submit('DARS-2026-00101', 3);
    await submit('DARS-2026-00102', 12);

    const env = {
      TEAMS_SERVICE_URL: connector.url,
      TRIAGE_CHANNEL_ID: triage,
      DARS_ROLES: JSON.stringify({ [sam.aadObjectId]: ['staff'] }),
      REMINDER_INTERVAL_SECONDS: '1',
    };
    bots.push(await BotProcess.start({ databaseName: name, env }), await BotProcess.start({ databaseName: name, env }));
    // Sam has the app: the bot can reach them in their 1:1 chat.
    await new PersonalChat(bots[0], connector, sam).say('hi');
  });

  after(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await connector.close();
  });

  it('reminds the holder of the next action once, before the due date', async () => {
    const isReminder = (text: string) => /DARS-2026-00101.*a reminder/.test(text);
    await connector.waitFor(() => connector.sentTo(sam.aadObjectId).some((activity) => isReminder(readableText(activity))), 20_000, 'the reminder');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // several more passes of both workers
    assert.equal(connector.sentTo(sam.aadObjectId).filter((activity) => isReminder(readableText(activity))).length, 1);
  });

  it('escalates an overdue case to the triage channel once', async () => {
    const isEscalation = (text: string) => /DARS-2026-00102 is overdue/.test(text);
    await connector.waitFor(() => connector.sent(triage).some((activity) => isEscalation(readableText(activity))), 20_000, 'the escalation');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.equal(connector.sent(triage).filter((activity) => isEscalation(readableText(activity))).length, 1);
    assert.equal(connector.sent(triage).filter((activity) => /DARS-2026-00101 is overdue/.test(readableText(activity))).length, 0, 'a case not yet due is not escalated');
  });
});
