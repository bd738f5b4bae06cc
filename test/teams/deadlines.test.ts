import assert from 'node:assert/strict';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { addWorkingDays, londonDate } from '../../services/domain/calendar';
import type { CaseEvent } from '../../services/domain/workflow';
import { enquiry } from '../workflow/support/data';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';

const triage = '19:triage-deadlines@thread.tacv2';
const sam = teamsUser('Sam Staff');

describe('Deadline reminders and escalations, with two bot processes on the delivery road', () => {
  let connector: ConnectorStandIn;
  let log: CaseLog;
  const bots: TestBot[] = [];

  before(async function () {
    connector = await ConnectorStandIn.start();
    const { db, name } = freshDatabase('deadlines');
    log = new CaseLog(db);
    const index = new CaseIndex(db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const commands = new CaseCommands(log, index, darsWorkflow(cardsShowing));

    const env = {
      TEAMS_SERVICE_URL: connector.url,
      TRIAGE_CHANNEL_ID: triage,
      DARS_ROLES: JSON.stringify({ [sam.aadObjectId]: ['staff'] }),
      REMINDER_INTERVAL_SECONDS: '1',
    };
    bots.push(await startTestBot({ databaseName: name, env }), await startTestBot({ databaseName: name, env }));
    // Sam has the app: the bot can reach them in their 1:1 chat, where Teams throttles the next two sends.
    await new PersonalChat(bots[0], connector, sam).say('hi');
    connector.throttle(2, `a:personal-${sam.aadObjectId}`);

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
  });

  after(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await connector.close();
  });

  /** The case's deadline notices as its history records them. */
  const notices = async (reference: string) =>
    (await log.load(reference)).events.filter((event): event is Extract<CaseEvent, { type: 'deadlineNoticeSent' }> => event.type === 'deadlineNoticeSent');

  /** Waits until the case has a recorded notice and nothing of it is left to deliver: after that, nothing more is sent. */
  async function settled(reference: string): Promise<void> {
    for (let checks = 0; ; checks++) {
      const recorded = (await notices(reference)).length > 0;
      const pending = await log.commits.countDocuments({ caseId: reference, outboxPending: true });
      if (recorded && pending === 0) return;
      if (checks > 300) throw new Error(`${reference}: the deadline notice was not delivered`);
      await connector.waitFor(() => false, 100).catch(() => undefined); // until the connector hears something, or 100 ms
    }
  }

  it('reminds the holder of the next action once, retrying the send Teams throttled, and records it on the case history', async () => {
    const isReminder = (text: string) => /DARS-2026-00101.*a reminder/.test(text);
    await settled('DARS-2026-00101');
    const toSam = connector.calls.filter((call) => call.conversationId === `a:personal-${sam.aadObjectId}` && isReminder(JSON.stringify(call.body)));
    assert.deepEqual(toSam.map((call) => call.answeredStatus), [429, 429, 200], 'throttled twice, then delivered once');
    assert.equal(connector.sentTo(sam.aadObjectId).filter((activity) => isReminder(readableText(activity))).length, 1);
    const recorded = await notices('DARS-2026-00101');
    assert.deepEqual(recorded.map((event) => [event.notice, event.actor.name]), [['reminder', 'DARS Bot']], 'one reminder on the history');
  });

  it('escalates an overdue case to the triage channel once, and records it', async () => {
    const isEscalation = (text: string) => /DARS-2026-00102 is overdue/.test(text);
    await settled('DARS-2026-00102');
    assert.equal(connector.sent(triage).filter((activity) => isEscalation(readableText(activity))).length, 1);
    assert.equal(connector.sent(triage).filter((activity) => /DARS-2026-00101 is overdue/.test(readableText(activity))).length, 0, 'a case not yet due is not escalated');
    assert.deepEqual((await notices('DARS-2026-00102')).map((event) => event.notice), ['escalation']);
  });
});
