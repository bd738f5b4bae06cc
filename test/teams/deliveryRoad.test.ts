import assert from 'node:assert/strict';

import { answerWholeEnquiry } from '../enquiry/enquiryConversation';
import { startTestBot, type TestBot } from '../support/testBot';
import { awaitCardOffering, click } from '../support/cardClicks';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, TeamChannel, teamsUser, type TeamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { untilDelivered } from './support/deliveries';

const triage = '19:triage-road@thread.tacv2';
const sam = teamsUser('Sam Staff');
const oscar = teamsUser('Oscar Outsider');

/**
 * The delivery road over HTTP against the real database: a delivery that can never succeed is
 * given up, reported to DARS staff and retried on their word, without holding up anyone else's;
 * and a conversation that hangs holds up only itself.
 */
describe('The delivery road, over HTTP', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('road');
    bot = await startTestBot({
      databaseName: database.name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        TRIAGE_CHANNEL_ID: triage,
        DARS_ROLES: JSON.stringify({ [sam.aadObjectId]: ['staff'] }),
        DELIVERY_MAX_ATTEMPTS: '3',
        DELIVERY_BACKOFF_BASE_MS: '50',
        DELIVERY_BACKOFF_CAP_MS: '300',
      },
    });
  });

  after(async () => {
    await bot.stop();
    await connector.close();
  });

  const personal = (user: TeamsUser) => `a:personal-${user.aadObjectId}`;
  const acceptedNotice = (reference: string) => (text: string) => text.includes(reference) && /moved to preliminary assessment/.test(text);
  const noticesTo = (user: TeamsUser, reference: string) => connector.sentTo(user.aadObjectId).filter((activity) => acceptedNotice(reference)(readableText(activity)));

  /** An applicant's submitted enquiry and its review card in the triage channel. */
  async function submitted(user: TeamsUser) {
    const chat = new PersonalChat(bot, connector, user);
    await answerWholeEnquiry(chat);
    const done = await chat.execute('enquiryDraft.submit', {});
    const reference = /DARS-\d{4}-\d{5}/.exec(readableText(done.sent.at(-1)))![0];
    return { reference, card: await awaitCardOffering(connector, triage, 'enquiry.accept', reference) };
  }

  it('dead-letters a delivery that keeps failing, tells triage, lets later deliveries through, and retries it when staff say so', async () => {
    const xena = teamsUser('Xena Applicant');
    const poisoned = await submitted(xena);
    connector.failAlways(personal(xena)); // e.g. Xena removed the app: every send to her chat is refused

    const staffChannel = new TeamChannel(bot, connector, sam, triage);
    await click(staffChannel, poisoned.card, 'enquiry.accept');
    // Later deliveries flow meanwhile: another applicant's review card reaches the channel.
    const later = await submitted(teamsUser('Yusuf Applicant'));
    assert.ok(later.card);

    const report = await connector.waitFor(
      () => connector.sent(triage).find((activity) => /could not deliver a message after 3 attempts/.test(readableText(activity)) && readableText(activity).includes(poisoned.reference)),
      30_000, 'the dead-letter report in triage',
    );
    const id = /retry ([0-9a-f]{8})/.exec(readableText(report))![1]!;
    await untilDelivered(database.db, poisoned.reference);
    const refused = connector.calls.filter((call) => call.conversationId === personal(xena) && acceptedNotice(poisoned.reference)(JSON.stringify(call.body)));
    assert.deepEqual(refused.map((call) => call.answeredStatus), [403, 403, 403], 'three attempts, then it stopped');

    // Staff list what is stuck; someone without the role learns nothing of it.
    const [listed] = await staffChannel.mention('deliveries');
    assert.match(readableText(listed), new RegExp(`\\*\\*${id}\\*\\*: ${poisoned.reference}, a message`));
    const [outsider] = await new TeamChannel(bot, connector, oscar, triage).mention('deliveries');
    assert.doesNotMatch(readableText(outsider), new RegExp(`${poisoned.reference}|${id}`));

    // Xena's chat works again; staff retry: the notice arrives, once, and nothing is stuck.
    connector.heal(personal(xena));
    const [retried] = await staffChannel.mention(`retry ${id}`);
    assert.match(readableText(retried), /Trying again/);
    await connector.waitFor(() => noticesTo(xena, poisoned.reference).length > 0, 30_000, 'the retried notice');
    await untilDelivered(database.db, poisoned.reference);
    assert.equal(noticesTo(xena, poisoned.reference).length, 1);
    const [none] = await staffChannel.mention('deliveries');
    assert.match(readableText(none), /Stuck deliveries\*\*: none/);
    assert.equal(connector.sent(triage).filter((activity) => /could not deliver/.test(readableText(activity))).length, 1, 'reported once');
  });

  it('delivers to one conversation while another hangs: conversations do not wait on one another', async () => {
    const petra = teamsUser('Petra Applicant');
    const quinn = teamsUser('Quinn Applicant');
    const first = await submitted(petra);
    const second = await submitted(quinn);
    connector.hold(personal(petra)); // Teams stops answering for Petra's chat

    const staffChannel = new TeamChannel(bot, connector, sam, triage);
    await click(staffChannel, first.card, 'enquiry.accept');
    await connector.waitFor(() => connector.heldCount(personal(petra)) > 0, 30_000, 'the send to Petra, hanging');
    await click(staffChannel, second.card, 'enquiry.accept');

    await connector.waitFor(() => noticesTo(quinn, second.reference).length > 0, 30_000, 'Quinn’s notice while Petra’s hangs');
    assert.equal(noticesTo(petra, first.reference).length, 0, 'Petra’s is still hanging');

    connector.release(personal(petra));
    await connector.waitFor(() => noticesTo(petra, first.reference).length > 0, 30_000, 'Petra’s notice once Teams answers');
    await untilDelivered(database.db, first.reference);
    await untilDelivered(database.db, second.reference);
    assert.equal(noticesTo(petra, first.reference).length, 1);
    assert.equal(noticesTo(quinn, second.reference).length, 1);
  });
});
