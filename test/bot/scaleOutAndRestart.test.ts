import assert from 'node:assert/strict';

import { BotProcess } from '../support/botProcess';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { validEnquiryAnswers } from '../enquiry/enquiryConversation';

describe('Nothing is lost across processes', () => {
  let connector: ConnectorStandIn;
  let database: ReturnType<typeof freshDatabase>;
  /** The process that crashes mid-enquiry, and the two that share the database throughout. */
  let doomed: BotProcess;
  let a: BotProcess;
  let b: BotProcess;

  // One database and three processes for the suite, started together: every test's applicants
  // are people of its own, so the tests see nothing of each other's.
  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('scaleout');
    const start = () => BotProcess.start({ databaseName: database.name, env: { TEAMS_SERVICE_URL: connector.url } });
    [doomed, a, b] = await Promise.all([start(), start(), start()]);
  });

  after(async () => {
    await Promise.all([doomed, a, b].map((bot) => bot?.stop()));
    await connector.close();
  });

  it('a crash mid-enquiry loses nothing: the next message, to a new process, continues where the applicant was', async () => {
    const chat = new PersonalChat(doomed, connector, teamsUser('Jo Bloggs'));
    await chat.say('new enquiry');
    await chat.say(validEnquiryAnswers.datasets);
    await chat.say(validEnquiryAnswers.period);
    await doomed.crash();

    const resumed = chat.on(a);
    const [next] = await resumed.say(validEnquiryAnswers.level);
    assert.match(readableText(next), /Part 2 of 4/, 'the answer to the third question is taken by the new process');
    for (const answer of [validEnquiryAnswers.purpose, validEnquiryAnswers.organisations, validEnquiryAnswers.readinessStage]) {
      await resumed.say(answer);
    }
    const [summary] = await resumed.say(validEnquiryAnswers.targetDate);
    // Answers given to the crashed process are on the summary.
    assert.match(readableText(summary), /Hospital Episode Statistics Admitted Patient Care/);
    assert.match(readableText(summary), /April 2019 to March 2024/);
  });

  it('two bot processes on one database take alternate turns of one conversation', async () => {
    const user = teamsUser('Kit Harington');
    const onA = new PersonalChat(a, connector, user);
    const onB = onA.on(b);

    const answers = ['new enquiry', ...Object.values(validEnquiryAnswers)];
    for (const [turn, answer] of answers.entries()) {
      const chat = turn % 2 === 0 ? onA : onB;
      const replies = await chat.say(answer);
      assert.ok(replies.length > 0, `turn ${turn} ("${answer}") was answered`);
      assert.doesNotMatch(readableText(replies[0]), /try that again|don't recognise|couldn't read/, `turn ${turn} continued the dialog`);
    }
    const done = await onB.execute('enquiryDraft.submit', {});
    assert.match(readableText(done.sent.at(-1)), /submitted as \*\*DARS-\d{4}-\d{5}\*\*/);
    assert.equal(await database.db.collection('cases').countDocuments({ applicantId: user.aadObjectId }), 1);
  });

  it('two processes hand out different case references when enquiries are submitted at the same moment', async () => {
    const chats = Array.from({ length: 6 }, (_, i) => new PersonalChat(i % 2 ? a : b, connector, teamsUser(`Applicant ${i}`)));
    // The six conversations side by side (each in order), as six applicants would have them.
    await Promise.all(chats.map(async (chat) => {
      await chat.say('new enquiry');
      for (const answer of Object.values(validEnquiryAnswers)) await chat.say(answer);
    }));
    const results = await Promise.all(chats.map((chat) => chat.execute('enquiryDraft.submit', {})));
    const references = results.map((result) => /DARS-\d{4}-\d{5}/.exec(readableText(result.sent.at(-1)))?.[0]);
    assert.equal(new Set(references).size, chats.length, `distinct references: ${references.join(', ')}`);
    assert.equal(await database.db.collection('cases').countDocuments({ applicantId: { $in: chats.map((chat) => chat.user.aadObjectId) } }), chats.length);
  });
});
