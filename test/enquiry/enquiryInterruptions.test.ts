import assert from 'node:assert/strict';

import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { answerWholeEnquiry, validEnquiryAnswers } from './enquiryConversation';

describe('help, cancel and status during an enquiry', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('interruptions');
    bot = await startTestBot({ databaseName: database.name, env: { TEAMS_SERVICE_URL: connector.url } });
  });

  after(async () => {
    await bot.stop();
    await connector.close();
  });

  it('"help" explains the current question, then asks it again', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Eve Adams'));
    await chat.say('new enquiry');
    await chat.say(validEnquiryAnswers.datasets);
    const replies = await chat.say('help');
    assert.match(readableText(replies[0]), /first and last, like "April 2019 to March 2024"/);
    assert.match(readableText(replies[1]), /Which period should the data cover/);
    // The dialog goes on where it was.
    assert.match(readableText((await chat.say(validEnquiryAnswers.period))[0]), /what level/i);
  });

  it('"status" says where the applicant is in the enquiry, without "no cases yet", then goes on', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Femi Ade'));
    await chat.say('new enquiry');
    await chat.say(validEnquiryAnswers.datasets);
    await chat.say(validEnquiryAnswers.period);
    await chat.say(validEnquiryAnswers.level);
    const replies = await chat.say('status');
    assert.match(readableText(replies[0]), /part 2 of 4 \(why you want it\)/);
    // Mid-enquiry, having no case yet is not news: nothing contradicts the enquiry under way.
    assert.doesNotMatch(readableText(replies[0]), /no DARS cases/);
    assert.match(readableText(replies[1]), /Part 2 of 4/);
    assert.match(readableText((await chat.say(validEnquiryAnswers.purpose))[0]), /Part 3 of 4/);
  });

  it('"cancel" stops the enquiry, sends nothing to NHS England, and a new one starts afresh', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Gita Rao'));
    await chat.say('new enquiry');
    await chat.say(validEnquiryAnswers.datasets);
    const [cancelled] = await chat.say('cancel');
    assert.match(readableText(cancelled), /Enquiry cancelled; nothing was sent/);
    assert.equal(await database.db.collection('cases').countDocuments({ applicantId: chat.user.aadObjectId }), 0);
    const restarted = await chat.say('new enquiry');
    assert.match(readableText(restarted.at(-1)), /Which NHS England datasets/);
  });

  it('"status" after submitting shows the case, its stage and when the next step is due', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Hana Kim'));
    await answerWholeEnquiry(chat);
    await chat.execute('enquiryDraft.submit', {});
    const [status] = await chat.say('status');
    assert.match(readableText(status), /\*\*DARS-\d{4}-\d{5}\*\*: At enquiry, under review by DARS\. Next: Review the enquiry.*\(DARS staff\), due by \d+ \w+ \d{4}\./);
  });

  it('lets the applicant change a part from the summary by typing, and keeps the other parts', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Ivan Petrov'));
    await answerWholeEnquiry(chat);
    const replies = await chat.say('change purpose');
    assert.match(readableText(replies[0]), /change \*\*why you want it\*\*/);
    assert.match(readableText(replies[1]), /Part 2 of 4/);
    const summary = await chat.say('We will compare stroke outcomes across regions to find where thrombolysis rates can improve.');
    assert.match(readableText(summary[0]), /stroke outcomes/);
    assert.match(readableText(summary[0]), /University of Leeds/);
  });
});
