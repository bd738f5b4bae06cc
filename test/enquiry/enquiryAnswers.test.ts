import assert from 'node:assert/strict';

import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { validEnquiryAnswers } from './enquiryConversation';

/** For each question: wrong answers, what the bot must say about each, then the right answer. */
const badAnswers: { question: keyof typeof validEnquiryAnswers; answer: string; says: RegExp }[] = [
  { question: 'datasets', answer: 'HES APX', says: /I don't recognise "HES APX"\. Did you mean "Hospital Episode Statistics Admitted Patient Care"/ },
  { question: 'datasets', answer: 'Moon landings', says: /I don't recognise "Moon landings" as an NHS England dataset/ },
  { question: 'period', answer: 'since 2019', says: /start and an end month/ },
  { question: 'period', answer: 'March 2024 to April 2019', says: /starts \(March 2024\) after it ends \(April 2019\)/ },
  { question: 'period', answer: 'Smarch 2019 to March 2024', says: /couldn't read "Smarch 2019" as a month/ },
  { question: 'period', answer: 'April 1970 to March 1980', says: /data starts in April 1989/ },
  { question: 'level', answer: 'very detailed', says: /choose one level: \*\*aggregate\*\*/ },
  { question: 'purpose', answer: 'Research.', says: /too short for staff to assess \(9 characters\)/ },
  { question: 'organisations', answer: 'University of Leeds', says: /"University of Leeds" has no role/ },
  { question: 'organisations', answer: 'University of Leeds - controllr', says: /"controllr" is not a role I know for University of Leeds\. Did you mean "data controller"/ },
  { question: 'organisations', answer: 'Acme Analytics - data processor', says: /at least one data controller/ },
  { question: 'readinessStage', answer: 'maybe', says: /\*\*exploring\*\*.*\*\*funding bid\*\*.*\*\*ready to apply\*\*/ },
  { question: 'targetDate', answer: 'soon', says: /couldn't read "soon" as a date/ },
  { question: 'targetDate', answer: '1 January 2020', says: /1 January 2020 is not in the future/ },
  { question: 'targetDate', answer: '1 January 2040', says: /more than 3 years away/ },
];

describe('Enquiry answers are checked as they are given', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;

  before(async () => {
    connector = await ConnectorStandIn.start();
    bot = await startTestBot({ databaseName: freshDatabase('answers').name, env: { TEAMS_SERVICE_URL: connector.url } });
  });

  after(async () => {
    await bot.stop();
    await connector.close();
  });

  it('answers each wrong answer with what is wrong and how to fix it, keeping every earlier answer', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Chidi Eze'));
    await chat.say('new enquiry');
    for (const question of Object.keys(validEnquiryAnswers) as (keyof typeof validEnquiryAnswers)[]) {
      for (const bad of badAnswers.filter((b) => b.question === question)) {
        const replies = await chat.say(bad.answer);
        assert.equal(replies.length, 1, `one clear message for "${bad.answer}", got: ${replies.map((r) => readableText(r)).join(' | ')}`);
        assert.match(readableText(replies[0]), bad.says, `answer "${bad.answer}" to ${question}`);
      }
      await chat.say(validEnquiryAnswers[question]);
    }
    // Every earlier answer survived the mistakes: the summary shows them all.
    const summary = readableText(chat.messages().at(-1));
    assert.match(summary, /Hospital Episode Statistics Admitted Patient Care/);
    assert.match(summary, /University of Leeds/);
    assert.match(summary, /Ready to apply/);
    assert.ok(assertEveryCardValid(connector) > 0);
  });

  it('lists the datasets it knows when asked', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Dana Scully'));
    await chat.say('new enquiry');
    const [list] = await chat.say('datasets');
    assert.match(readableText(list), /GDPPR.*\(GP data\)/);
    assert.match(readableText(list), /HES-APC/);
  });
});
