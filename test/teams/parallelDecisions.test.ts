import assert from 'node:assert/strict';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseStates } from '../../services/storage/cases/caseStates';
import { darsWorkflow, type DarsCaseCommands } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import type { CaseStatus } from '../../services/domain/workflow';
import { commandsToReach, replay } from '../cases/caseStoreFixture';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { answeredCard, buttonsOf, type Clicker } from '../support/cardClicks';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { PersonalChat, TeamChannel, teamsUser, type TeamsUser } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { asha, carl, gus, nina, pat } from '../workflow/support/people';

/**
 * Parallel work on one case, over HTTP: people who act on different parts of a case at the same
 * moment (the three reviews; the two DSA signatories) are all recorded, because a card is stale
 * only when what it showed them has changed; two people taking the same decision still get
 * exactly one applied, and the other the current card.
 */
const channels = { assurance: '19:parallel-assurance@thread.tacv2', agd: '19:parallel-agd@thread.tacv2', pag: '19:parallel-pag@thread.tacv2' };
const person = (actor: { id: string; name: string }): TeamsUser => ({ aadObjectId: actor.id, name: actor.name });
const secondPag = teamsUser('Priya PAG');
const secondNhse = teamsUser('Noor NHSE Signatory');
const stale = /moved on since this card was shown, so nothing was changed/;

describe('Parallel decisions on one case do not collide, over HTTP', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;
  let states: CaseStates;

  /** The workflow tests' standard case at `status` under `reference`, stored as the bot stores cases. */
  async function caseAt(commands: DarsCaseCommands, reference: string, status: Exclude<CaseStatus, 'new'>): Promise<void> {
    const journey = commandsToReach(status).map((step) => (step.command.type === 'submitEnquiry' ? { ...step, command: { ...step.command, reference } } : step));
    await replay(commands, reference, journey, reference);
  }

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('parallel');
    const log = new CaseLog(database.db);
    const index = new CaseIndex(database.db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    states = new CaseStates(log);
    const commands: DarsCaseCommands = new CaseCommands(log, index, darsWorkflow(cardsShowing));
    await caseAt(commands, 'DARS-2026-00401', 'inReview');
    await caseAt(commands, 'DARS-2026-00402', 'awaitingSignatures');
    await caseAt(commands, 'DARS-2026-00403', 'inReview');
    await caseAt(commands, 'DARS-2026-00404', 'awaitingSignatures');
    bot = await startTestBot({
      databaseName: database.name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        // The seeded cases are long overdue: the bot's own escalation notices would add commits.
        REMINDER_INTERVAL_SECONDS: '0',
        ASSURANCE_CHANNEL_ID: channels.assurance,
        AGD_CHANNEL_ID: channels.agd,
        PAG_CHANNEL_ID: channels.pag,
        DARS_ROLES: JSON.stringify({
          [asha.id]: ['assurance'], [gus.id]: ['agd'], [pat.id]: ['pag'], [secondPag.aadObjectId]: ['pag'],
          [nina.id]: ['nhseSignatory'], [secondNhse.aadObjectId]: ['nhseSignatory'],
        }),
      },
    });
  });

  after(async () => {
    assertEveryCardValid(connector);
    await bot?.stop();
    await connector.close();
  });

  const commitCount = (reference: string) => database.db.collection('caseCommits').countDocuments({ caseId: reference });
  const reviewer = (who: TeamsUser, review: keyof typeof channels) => new TeamChannel(bot, connector, who, channels[review]);
  const signatory = (who: TeamsUser) => new PersonalChat(bot, connector, who);

  /** The card as Teams shows it to this person (its refresh), and a click on `verb` with what they typed. */
  async function clickOnTheirCard(clicker: Clicker, refresh: Record<string, unknown>, verb: string, typed: Record<string, string>) {
    const card = answeredCard(await clicker.execute('card.refresh', refresh));
    const button = buttonsOf(card).find((candidate) => candidate.verb === verb);
    assert.ok(button, `the card offers "${verb}"`);
    return () => clicker.execute(verb, { ...button.data, ...typed }).then((result) => JSON.stringify(answeredCard(result)));
  }

  it('records the assurance, AGD and PAG reviews made in the same instant', async () => {
    const reference = 'DARS-2026-00401';
    const before = await commitCount(reference);
    const clicks = await Promise.all(
      ([[person(asha), 'assurance'], [person(gus), 'agd'], [person(pat), 'pag']] as const).map(([who, review]) =>
        clickOnTheirCard(reviewer(who, review), { caseId: reference, card: 'review', review }, 'review.record', { decision: 'supported' }),
      ),
    );
    const answers = await Promise.all(clicks.map((click) => click()));
    for (const answer of answers) assert.doesNotMatch(answer, stale);
    const state = (await states.get(reference))!;
    assert.deepEqual(Object.values(state.facts.assurance!.reviews).map((review) => review.state), ['supported', 'supported', 'supported']);
    assert.equal(state.status, 'awaitingApproval', 'every review supportive: on to approval');
    assert.equal(await commitCount(reference), before + 3, 'one commit per review');
  });

  it('records both DSA signatures made in the same instant, each bound to the document shown', async () => {
    const reference = 'DARS-2026-00402';
    const hash = (await states.get(reference))!.facts.dsa!.contentHash;
    const signs = await Promise.all([
      clickOnTheirCard(signatory(person(nina)), { caseId: reference, card: 'dsaSignature', party: 'nhse' }, 'dsa.sign', { typedName: 'Nina Signatory', authorityConfirmed: 'true' }),
      clickOnTheirCard(signatory(person(carl)), { caseId: reference, card: 'dsaSignature', party: 'dataController' }, 'dsa.sign', { typedName: 'Carl Controller', authorityConfirmed: 'true' }),
    ]);
    const answers = await Promise.all(signs.map((sign) => sign()));
    for (const answer of answers) assert.doesNotMatch(answer, stale);
    const dsa = (await states.get(reference))!.facts.dsa!;
    assert.deepEqual(dsa.signatures.map((signature) => signature.party).sort(), ['dataController', 'nhse']);
    assert.ok(dsa.signatures.every((signature) => signature.documentHash === hash));
  });

  it('applies one of two people taking the same decision at once; the other gets the current card', async () => {
    const reviewCase = 'DARS-2026-00403';
    const reviewsBefore = await commitCount(reviewCase);
    const reviews = await Promise.all([person(pat), secondPag].map((who) =>
      clickOnTheirCard(reviewer(who, 'pag'), { caseId: reviewCase, card: 'review', review: 'pag' }, 'review.record', { decision: 'supported' }),
    ));
    const reviewAnswers = await Promise.all(reviews.map((click) => click()));
    assert.equal(await commitCount(reviewCase), reviewsBefore + 1, 'one PAG review recorded');
    assert.equal(reviewAnswers.filter((answer) => stale.test(answer)).length, 1, 'the other PAG member sees the current card');

    const signCase = 'DARS-2026-00404';
    const signsBefore = await commitCount(signCase);
    const signs = await Promise.all([person(nina), secondNhse].map((who) =>
      clickOnTheirCard(signatory(who), { caseId: signCase, card: 'dsaSignature', party: 'nhse' }, 'dsa.sign', { typedName: who.name, authorityConfirmed: 'true' }),
    ));
    const signAnswers = await Promise.all(signs.map((sign) => sign()));
    assert.equal(await commitCount(signCase), signsBefore + 1, 'NHS England signed once');
    assert.equal((await states.get(signCase))!.facts.dsa!.signatures.length, 1);
    assert.equal(signAnswers.filter((answer) => stale.test(answer)).length, 1, 'the other NHS England signatory sees the current card');
  });
});
