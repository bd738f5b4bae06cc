import assert from 'node:assert/strict';

import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { cardOf, PersonalChat, readableText, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { answerWholeEnquiry, validEnquiryAnswers } from './enquiryConversation';

const triageChannel = '19:triage-test@thread.tacv2';

describe('The enquiry in a 1:1 chat, over HTTP as Teams drives it', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('enquiry');
    bot = await startTestBot({
      databaseName: database.name,
      env: { TEAMS_SERVICE_URL: connector.url, TRIAGE_CHANNEL_ID: triageChannel },
    });
  });

  after(async () => {
    await bot.stop();
    await connector.close();
  });

  it('guides the applicant through the four parts, creates the case and posts a review card to triage', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Asha Patel'));

    const intro = await chat.say('new enquiry');
    assert.equal(intro.length, 1, 'the introduction and the first question come in one message');
    assert.match(readableText(intro[0]), /four parts[\s\S]*Part 1 of 4[\s\S]*Which NHS England datasets/);

    assert.match(readableText((await chat.say(validEnquiryAnswers.datasets))[0]), /Which period/);
    assert.match(readableText((await chat.say(validEnquiryAnswers.period))[0]), /what level/i);
    assert.match(readableText((await chat.say(validEnquiryAnswers.level))[0]), /Part 2 of 4/);
    assert.match(readableText((await chat.say(validEnquiryAnswers.purpose))[0]), /Part 3 of 4/);
    assert.match(readableText((await chat.say(validEnquiryAnswers.organisations))[0]), /Part 4 of 4/);
    assert.match(readableText((await chat.say(validEnquiryAnswers.readinessStage))[0]), /By what date/);

    const summary = await chat.say(validEnquiryAnswers.targetDate);
    const summaryText = readableText(summary[0]);
    assert.ok(cardOf(summary[0]), 'the summary is a card');
    assert.match(summaryText, /Hospital Episode Statistics Admitted Patient Care/);
    assert.match(summaryText, /April 2019 to March 2024/);
    assert.match(summaryText, /University of Leeds/);
    assert.match(summaryText, /1 March 2027/);

    const done = await chat.execute('enquiryDraft.submit', {});
    assert.equal(done.status, 200);
    const confirmation = readableText(done.sent.at(-1));
    const reference = /DARS-\d{4}-\d{5}/.exec(confirmation)?.[0];
    assert.ok(reference, `the applicant is told the reference: ${confirmation}`);
    assert.match(confirmation, /review it and reply/);

    const review = await connector.waitFor(
      () => connector.sent(triageChannel).find((activity) => readableText(activity).includes(reference)),
      15_000,
      'the enquiry review card in the triage channel',
    );
    const reviewText = readableText(review);
    assert.match(reviewText, /Enquiry review/);
    assert.match(reviewText, /Asha Patel/);
    assert.match(reviewText, /Request information/);
    assert.match(reviewText, /Decline/);
    assert.match(reviewText, /Accept into preliminary assessment/);

    const stored = await database.db.collection('cases').findOne({ _id: reference as unknown as never });
    assert.equal(stored?.stage, 'enquiry');
    assert.equal(stored?.applicantId, chat.user.aadObjectId);
    const history = await database.db.collection('caseCommits').find({ caseId: reference }).toArray();
    assert.equal(history.length, 1);
    assert.equal(history[0].events[0].type, 'enquirySubmitted');
    assert.equal(history[0].events[0].enquiry.purpose, validEnquiryAnswers.purpose);
  });

  it('makes one case however many times Submit is pressed', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Ben Okoro'));
    await answerWholeEnquiry(chat);
    await chat.execute('enquiryDraft.submit', {});
    const second = await chat.execute('enquiryDraft.submit', {});
    assert.equal(second.status, 200);
    const cases = await database.db.collection('cases').find({ applicantId: chat.user.aadObjectId }).toArray();
    assert.equal(cases.length, 1);
  });
});
