import assert from 'node:assert/strict';

import { addDays, addYears, londonDate } from '../../services/domain/calendar';
import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { commandsToReach, replay } from '../cases/caseStoreFixture';
import { answerWholeEnquiry } from '../enquiry/enquiryConversation';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { answeredCard, awaitCardOffering, click } from '../support/cardClicks';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, readableText, TeamChannel, teamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { untilDelivered } from './support/deliveries';

const triage = '19:triage-clicks@thread.tacv2';
const sam = teamsUser('Sam Staff');
// An approver sees the case once it is approved, but generating the DSA is not theirs to do.
const oscar = teamsUser('Oscar Approver');
const dsaCase = 'DARS-2026-00301';

const start = addDays(londonDate(new Date()), 14);
/** The DSA card's terms form as the DARS contact fills it in. */
const terms = { start, end: addDays(addYears(start, 1), -1), use: 'other', cohortFileWithinWorkingDays: '20', cohortFileItems: '', datesMinimised: 'false' };

/** What a staff click costs and causes, seen from Teams (the connector) and the database. */
describe('What a card click does, over HTTP', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;
  let dsaVersion: number;

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('clicks');
    const log = new CaseLog(database.db);
    const index = new CaseIndex(database.db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const journey = commandsToReach('dsaToGenerate').map((step) =>
      step.command.type === 'submitEnquiry' ? { ...step, command: { ...step.command, reference: dsaCase } } : step);
    dsaVersion = (await replay(new CaseCommands(log, index, darsWorkflow(cardsShowing)), dsaCase, journey, 'dsa')).version;
    bot = await startTestBot({
      databaseName: database.name,
      env: { TEAMS_SERVICE_URL: connector.url, TRIAGE_CHANNEL_ID: triage, DARS_ROLES: JSON.stringify({ [sam.aadObjectId]: ['staff'], [oscar.aadObjectId]: ['approver'] }) },
    });
  });

  after(async () => {
    assertEveryCardValid(connector);
    await bot.stop();
    await connector.close();
  });

  it('updates each posted card at most once per click: the clicked card within the click, before the clicker’s own view', async () => {
    const chat = new PersonalChat(bot, connector, teamsUser('Una Applicant'));
    await answerWholeEnquiry(chat);
    const done = await chat.execute('enquiryDraft.submit', {});
    const reference = /DARS-\d{4}-\d{5}/.exec(readableText(done.sent.at(-1)))![0];
    const card = await awaitCardOffering(connector, triage, 'enquiry.requestInformation', reference);
    await untilDelivered(database.db, reference);
    const mark = connector.calls.length;

    answeredCard(await click(new TeamChannel(bot, connector, sam, triage), card, 'enquiry.requestInformation', { question: 'Which years of data do you need?' }));
    const putsOf = (activityId: unknown) => connector.calls.slice(mark).filter((call) => call.method === 'PUT' && call.activityId === activityId);
    assert.equal(putsOf(card.id).length, 1, 'the clicked card was updated for everyone before the click was answered');

    await untilDelivered(database.db, reference);
    assert.equal(putsOf(card.id).length, 1, 'and not again by the decision’s deliveries, which would replace the clicker’s view');
    const perCard = new Map<string, number>();
    for (const call of connector.calls.slice(mark).filter((c) => c.method === 'PUT')) perCard.set(call.activityId!, (perCard.get(call.activityId!) ?? 0) + 1);
    assert.deepEqual([...perCard.values()].filter((count) => count > 1), [], 'no posted card is written twice for one click');
  });

  it('renders and stores no DSA for a "Generate the DSA" click from someone without the role, or from a stale card', async () => {
    const documents = () => database.db.collection('dsaDocuments').countDocuments({});
    const generate = (user: typeof sam, version: number) =>
      new TeamChannel(bot, connector, user, triage).execute('dsa.generate', { caseId: dsaCase, version, ...terms });

    const refused = answeredCard(await generate(oscar, dsaVersion));
    assert.match(JSON.stringify(refused), /Only .* can generate the DSA/);
    assert.equal(await documents(), 0, 'a click from someone without the role stores no document');

    const stale = answeredCard(await generate(sam, dsaVersion - 1));
    assert.match(JSON.stringify(stale), /moved on since this card was shown/);
    assert.equal(await documents(), 0, 'a stale card’s click stores no document');

    answeredCard(await generate(sam, dsaVersion));
    assert.equal((await database.db.collection('cases').findOne({ _id: dsaCase as never }))?.status, 'dsaGenerated');
    assert.equal(await documents(), 1, 'the allowed click on the current card stores the document it generated');
  });
});
