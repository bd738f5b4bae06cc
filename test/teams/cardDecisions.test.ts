import assert from 'node:assert/strict';

import { unseenCaseCard } from '../../cards/unseenCaseCard';
import { answerWholeEnquiry } from '../enquiry/enquiryConversation';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { answeredCard, awaitCardOffering, buttonsOf, click } from '../support/cardClicks';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { cardOf, PersonalChat, readableText, TeamChannel, teamsUser, type TeamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';

const triage = '19:triage-decisions@thread.tacv2';
const sam = teamsUser('Sam Staff');
const tom = teamsUser('Tom Staff');
const oscar = teamsUser('Oscar Outsider');

describe('Staff decisions on cards (Universal Actions), over HTTP', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('decisions');
    bot = await startTestBot({
      databaseName: database.name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        TRIAGE_CHANNEL_ID: triage,
        DARS_ROLES: JSON.stringify({ [sam.aadObjectId]: ['staff'], [tom.aadObjectId]: ['staff'] }),
      },
    });
  });

  after(async () => {
    assertEveryCardValid(connector);
    await bot.stop();
    await connector.close();
  });

  /** A submitted enquiry and its review card in the triage channel. */
  async function newEnquiry(applicant: string | TeamsUser) {
    const chat = new PersonalChat(bot, connector, typeof applicant === 'string' ? teamsUser(applicant) : applicant);
    await answerWholeEnquiry(chat);
    const done = await chat.execute('enquiryDraft.submit', {});
    const reference = /DARS-\d{4}-\d{5}/.exec(readableText(done.sent.at(-1)))![0];
    const card = await awaitCardOffering(connector, triage, 'enquiry.accept', reference);
    return { reference, card };
  }

  const channelFor = (user: TeamsUser) => new TeamChannel(bot, connector, user, triage);
  const stored = async (reference: string) => database.db.collection('cases').findOne({ _id: reference as never });
  const commits = async (reference: string) => database.db.collection('caseCommits').countDocuments({ caseId: reference });

  it('refuses a click from someone without the role, explains why, and changes nothing', async () => {
    const una = teamsUser('Una Applicant');
    const { reference, card } = await newEnquiry(una);
    const before = await commits(reference);
    // The applicant may see her case, so she is told who may accept it.
    const answer = answeredCard(await click(channelFor(una), card, 'enquiry.accept'));
    assert.match(JSON.stringify(answer), /Only DARS staff/i);
    // Someone with no part in the case learns nothing from the click: a bare card, as for no case.
    const outsider = answeredCard(await click(channelFor(oscar), card, 'enquiry.accept'));
    assert.deepEqual(outsider, unseenCaseCard(reference));
    assert.equal((await stored(reference))?.status, 'enquiryUnderReview');
    assert.equal(await commits(reference), before);
  });

  it('accepts the enquiry, answers with the re-rendered card and updates the posted card for everyone', async () => {
    const { reference, card } = await newEnquiry('Vera Applicant');
    const answer = answeredCard(await click(channelFor(sam), card, 'enquiry.accept'));
    assert.equal((await stored(reference))?.stage, 'preliminaryAssessment');
    assert.deepEqual(buttonsOf(answer).filter((b) => b.verb.startsWith('enquiry.')), [], 'no enquiry decision is offered any more');
    const updated = connector.current(triage).find((activity) => activity.id === card.id);
    assert.deepEqual(buttonsOf(cardOf(updated)).filter((b) => b.verb.startsWith('enquiry.')), [], 'the posted card changed in place');
  });

  it('applies one decision for a double click, and for two staff clicking at once; the other sees the current card', async () => {
    const double = await newEnquiry('Wes Applicant');
    const before = await commits(double.reference);
    const [first, second] = await Promise.all([click(channelFor(sam), double.card, 'enquiry.accept'), click(channelFor(sam), double.card, 'enquiry.accept')]);
    assert.equal(await commits(double.reference), before + 1);
    assert.ok([first, second].some((result) => /moved on since this card was shown/.test(JSON.stringify(result.body))));

    const race = await newEnquiry('Xia Applicant');
    const raceBefore = await commits(race.reference);
    await Promise.all([
      click(channelFor(sam), race.card, 'enquiry.accept'),
      click(channelFor(tom), race.card, 'enquiry.decline', { reason: 'DARS cannot supply this data.', alternatives: 'The ONS Secure Research Service' }),
    ]);
    assert.equal(await commits(race.reference), raceBefore + 1, 'exactly one decision');
  });

  it('answers a click on a stale card with the current card and changes nothing', async () => {
    const { reference, card } = await newEnquiry('Yan Applicant');
    await click(channelFor(sam), card, 'enquiry.accept');
    const before = await commits(reference);
    const answer = answeredCard(await click(channelFor(tom), card, 'enquiry.decline', { reason: 'Too late', alternatives: 'None' }));
    assert.match(JSON.stringify(answer), /moved on since this card was shown/);
    assert.equal(await commits(reference), before);
    assert.equal((await stored(reference))?.stage, 'preliminaryAssessment');
  });

  it('explains bad input on a card, naming the field, and changes nothing', async () => {
    const { reference, card } = await newEnquiry('Zoe Applicant');
    const answer = answeredCard(await click(channelFor(sam), card, 'enquiry.requestInformation', { question: '   ' }));
    assert.match(JSON.stringify(answer), /Your question to the applicant/);
    const body = answer.body as unknown[];
    assert.match(JSON.stringify(body.at(-1)), /Your question to the applicant/, 'the problem is shown just above the buttons that caused it, not at the top of the card');
    assert.equal((await stored(reference))?.status, 'enquiryUnderReview');
  });

  it('retries a card post that Teams throttles (429) and delivers it once', async () => {
    connector.throttle(1, triage);
    const { reference } = await newEnquiry('Amir Applicant');
    const posts = connector.calls.filter((call) => call.conversationId === triage && call.method === 'POST' && JSON.stringify(call.body).includes(reference));
    assert.ok(posts.some((call) => call.answeredStatus === 429), 'the first post was throttled');
    assert.equal(posts.filter((call) => call.answeredStatus < 300).length, 1, 'delivered exactly once');
    // Once everything the submission caused is delivered, the worker no longer finds the commit.
    const pending = () => database.db.collection('caseCommits').countDocuments({ caseId: reference, outboxPending: true });
    for (let tries = 0; (await pending()) > 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await pending(), 0, 'no commit of the case is left marked as having an undelivered outbox');
  });
});
