import assert from 'node:assert/strict';

import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn, type SentActivity } from '../support/connectorStandIn';
import { PersonalChat, readableText, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';

/**
 * First contact: someone new to the bot sends many messages at once (pasting lines, pressing
 * Enter repeatedly). Each turn saves the person's conversation reference and the chat's state;
 * none of those writes may cost the person a message. The bot instances run in the test's process,
 * each with its own database connection, so the races are the database's, as between processes
 * (test/bot/scaleOutAndRestart.test.ts runs separate processes, and kills one).
 */
describe('First contact: a burst of first messages loses nothing', () => {
  let connector: ConnectorStandIn;
  const bots: TestBot[] = [];

  before(async () => {
    connector = await ConnectorStandIn.start();
  });

  after(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await connector.close();
  });

  async function startBots(count: number) {
    const database = freshDatabase('firstContact');
    const started = await Promise.all(Array.from({ length: count }, () => startTestBot({ databaseName: database.name, env: { TEAMS_SERVICE_URL: connector.url } })));
    bots.push(...started);
    return { db: database.db, bots: started };
  }

  /** Sends `count` messages at once, spread over `chats` (one per bot instance); returns the ids sent. */
  async function burst(chats: PersonalChat[], count: number): Promise<string[]> {
    const results = await Promise.all(
      Array.from({ length: count }, (_, i) => chats[i % chats.length].post({ id: `first-${i}-${chats[0].user.aadObjectId}`, type: 'message', text: `hello ${i}`, textFormat: 'plain' })),
    );
    assert.deepEqual(results.map((result) => result.status).filter((status) => status !== 200), [], 'every message was accepted with HTTP 200');
    return Array.from({ length: count }, (_, i) => `first-${i}-${chats[0].user.aadObjectId}`);
  }

  function repliesTo(chat: PersonalChat, activityId: string): SentActivity[] {
    return chat.messages().filter((message) => message.replyToId === activityId);
  }

  async function assertSavedAndContinues(chat: PersonalChat, db: ReturnType<typeof freshDatabase>['db']) {
    const stored = await db.collection<{ _id: string; reference: { conversation?: { id?: string } } }>('conversationReferences').findOne({ _id: `person:${chat.user.aadObjectId}` });
    assert.equal(stored?.reference.conversation?.id, chat.conversationId, 'the bot can reach the person later');
    const replies = await chat.say('new enquiry');
    assert.match(replies.map(readableText).join('\n'), /Part 1 of 4/, 'the chat goes on normally after the burst');
  }

  it('50 messages at once from someone new are each answered once, none "not saved", and the bot can reach them afterwards', async () => {
    const { db, bots: [bot] } = await startBots(1);
    const chat = new PersonalChat(bot, connector, teamsUser('Nova Newcomer'));
    const sent = await burst([chat], 50);

    assert.deepEqual(chat.messages().map(readableText).filter((text) => /not saved|went wrong/i.test(text)), []);
    for (const id of sent) {
      const replies = repliesTo(chat, id);
      assert.equal(replies.length, 1, `message ${id} was answered once`);
      assert.match(readableText(replies[0]), /Hello Nova/);
    }
    await assertSavedAndContinues(chat, db);
  });

  it('the same burst spread over two bot instances sharing the database: every message is answered, none "not saved"', async () => {
    const { db, bots: [a, b] } = await startBots(2);
    const onA = new PersonalChat(a, connector, teamsUser('Ola Twoprocess'));
    const onB = onA.on(b);
    const sent = await burst([onA, onB], 50);

    assert.deepEqual(onA.messages().map(readableText).filter((text) => /not saved|went wrong/i.test(text)), []);
    for (const id of sent) assert.ok(repliesTo(onA, id).some((reply) => /Hello Ola/.test(readableText(reply))), `message ${id} was answered`);
    await assertSavedAndContinues(onA, db);
  });
});
