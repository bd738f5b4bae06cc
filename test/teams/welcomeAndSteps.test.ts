import assert from 'node:assert/strict';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { commandsToReach, replay } from '../cases/caseStoreFixture';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn, type SentActivity } from '../support/connectorStandIn';
import { botAccount, cardOf, PersonalChat, readableText, TeamChannel, teamsUser, type TeamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { ada } from '../workflow/support/people';

/**
 * A welcome and a way into each step: the bot introduces itself once when it is installed, in a
 * 1:1 chat and in a team; the invitation to write the application carries a button that starts
 * it; and a command word typed where an answer is expected is confirmed, not saved.
 */
const reference = 'DARS-2026-00601';
const triage = '19:welcome-triage@thread.tacv2';
const applicant: TeamsUser = { aadObjectId: ada.id, name: ada.name };

describe('Welcome on install, a button into each step, command words at a question', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('welcome');
    bot = await startTestBot({ databaseName: database.name, env: { TEAMS_SERVICE_URL: connector.url, TRIAGE_CHANNEL_ID: triage } });
  });

  after(async () => {
    assertEveryCardValid(connector);
    await bot?.stop();
    await connector.close();
  });

  it('installed in a 1:1 chat, the bot welcomes the person once and says what they can do there', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Wendy Welcome'));
    // Teams announces one install twice: installationUpdate and conversationUpdate (the bot added).
    await chat.post({ type: 'installationUpdate', action: 'add' });
    await chat.post({ type: 'conversationUpdate', membersAdded: [botAccount] });
    // One welcome: what they can do, then the buttons on a plain question of their own (a client
    // that shows a message with buttons as plain text still shows the welcome's Markdown as written).
    const welcomes = chat.messages();
    assert.equal(welcomes.length, 2, 'one welcome: its words, then its buttons');
    const text = readableText(welcomes[0]);
    assert.match(text, /Hello Wendy, I am \*\*DARS Bot\*\*/);
    for (const command of ['new enquiry', 'status', 'history', 'help']) assert.match(text, new RegExp(`\\*\\*${command}\\*\\*`));
    assert.equal(suggested(welcomes[0]).length, 0, 'the Markdown message carries no buttons');
    assert.equal(readableText(welcomes[1]), 'What would you like to do?');
    assert.deepEqual(suggested(welcomes[1]), ['new enquiry', 'status', 'history', 'help']);
  });

  it('a welcome Teams refused is sent on the next install activity, not lost to its claim', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Rita Refused'));
    connector.failAlways(chat.conversationId, 502);
    await chat.post({ type: 'installationUpdate', action: 'add' }).catch(() => undefined);
    connector.heal(chat.conversationId);
    await chat.post({ type: 'conversationUpdate', membersAdded: [botAccount] });
    const welcomes = chat.messages().filter((message) => /I am \*\*DARS Bot\*\*/.test(readableText(message)));
    assert.equal(welcomes.length, 1, 'welcomed once, after Teams took messages again');
  });

  it('added to a team, the bot welcomes the channel once with the staff commands', async () => {
    const channel = new TeamChannel(bot, connector, teamsUser('Tom Teamowner'), triage);
    await channel.post({ type: 'conversationUpdate', membersAdded: [botAccount] });
    await channel.post({ type: 'installationUpdate', action: 'add' });
    const welcomes = channel.messages();
    assert.equal(welcomes.length, 1, 'one welcome');
    const text = readableText(welcomes[0]);
    for (const command of ['queue', 'mine', 'overdue', 'case DARS-2026-00042', 'verify']) assert.match(text, new RegExp(`\\*\\*${command}`));
  });

  describe('the application invitation and a command word typed as an answer', () => {
    const chat = () => new PersonalChat(bot, connector, applicant);
    let invitation: SentActivity;

    before(async () => {
      await chat().say('hi');
      const log = new CaseLog(database.db);
      // To the invitation, before any section is written.
      const journey = commandsToReach('drafting').filter((step) => step.command.type !== 'saveApplicationSection').map((step) => (step.command.type === 'submitEnquiry' ? { ...step, command: { ...step.command, reference } } : step));
      await replay(new CaseCommands(log, new CaseIndex(database.db), darsWorkflow(cardsShowing)), reference, journey, reference);
      invitation = await awaitInvitation(connector, chat().conversationId);
    });

    it('the invitation to write the application carries a button that starts it', async () => {
      const buttons = (cardOf(invitation)?.actions as { title: string; data?: { msteams?: { type: string; value: string } } }[] | undefined) ?? [];
      const write = buttons.find((button) => button.title === 'Write the application');
      assert.deepEqual(write?.data?.msteams, { type: 'imBack', value: `application ${reference}` });
      // Teams says the button's value in the chat as if typed.
      const started = (await chat().say(write!.data!.msteams!.value)).map(readableText).join('\n');
      assert.match(started, /aim/i);
    });

    it('"application" typed at a section question is confirmed, not saved; either choice does what it says', async () => {
      const commits = () => database.db.collection('caseCommits').countDocuments({ caseId: reference });
      const before = await commits();

      // (The outbox may deliver a notice meanwhile: look for the bot's answer among what arrived.)
      const asked = (await chat().say('application')).find((sent) => /Did you mean/.test(readableText(sent)));
      assert.match(readableText(asked), /^Did you mean the command \*\*application\*\*, or is that your answer\?$/);
      assert.deepEqual(suggested(asked), ['The command application', 'My answer is application']);

      // "My answer is application": the question takes the word and checks it like any answer.
      const asAnswer = (await chat().say('My answer is application')).map(readableText).join('\n');
      assert.doesNotMatch(asAnswer, /Did you mean/);
      assert.doesNotMatch(asAnswer, /Stopped/);
      assert.match(asAnswer, /How will the data achieve that aim\?/, 'the word answered the aim question, and the next one is asked');

      // Asked again, "The command application": the step stops (saying what is kept) and the command runs.
      assert.match((await chat().say('application')).map(readableText).join('\n'), /Did you mean the command/);
      const asCommand = (await chat().say('The command application')).map(readableText).join('\n');
      assert.match(asCommand, /Stopped\. Every section you finished is saved/);
      assert.match(asCommand, /aim/i);
      assert.equal(await commits(), before, 'nothing was saved to the case');
    });
  });
});

/** The application invitation card in the applicant's chat, once the outbox has delivered it. */
async function awaitInvitation(connector: ConnectorStandIn, conversationId: string): Promise<SentActivity> {
  return connector.waitFor(
    () => connector.current(conversationId).find((activity) => /invited to write the formal application/.test(readableText(activity))),
    20_000,
    'the application invitation to reach the applicant',
  );
}

/** The values of a message's suggested actions (the buttons Teams shows under it). */
function suggested(activity: SentActivity | undefined): unknown[] {
  return ((activity?.suggestedActions as { actions?: { value: unknown }[] } | undefined)?.actions ?? []).map((action) => action.value);
}
