import assert from 'node:assert/strict';

import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseStates } from '../../services/storage/cases/caseStates';
import { nicNumberPattern } from '../../services/storage/cases/nicNumbers';
import type { Actor, CaseState } from '../../services/domain/workflow';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { answeredCard } from '../support/cardClicks';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { GraphStandIn } from '../support/graphStandIn';
import { PersonalChat } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { ada, carl, dana, sam } from '../workflow/support/people';
import { assessmentInputs } from './support/caseSteps';
import { carlInDirectory, graphEnvironment, populateDirectory, seedCaseAt, teamsUserOf } from './support/graphTeams';

/**
 * No identifiers to type, over HTTP: staff name the data controller signatory by email on the
 * preliminary assessment card and the bot finds their Entra object id (local mode: DARS_PEOPLE;
 * with Graph: the tenant's directory), and the bot issues the NIC number when the application is
 * accepted, or claims the existing one staff enter, refusing one another case holds.
 */
/** The text a person reads on a card answered to their click. */
function cardText(card: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.text === 'string') parts.push(element.text);
    Object.values(element).forEach(walk);
  };
  walk(card);
  return parts.join(' ');
}

interface Running {
  readonly bot: TestBot;
  readonly connector: ConnectorStandIn;
  readonly database: ReturnType<typeof freshDatabase>;
}

/** A click on the case's card (in the person's chat), with the inputs Teams would send. */
async function clickAs(running: Running, actor: Actor, state: CaseState, verb: string, inputs: Record<string, string>): Promise<string> {
  const chat = new PersonalChat(running.bot, running.connector, teamsUserOf(actor));
  return cardText(answeredCard(await chat.execute(verb, { caseId: state.reference, version: state.version, ...inputs })));
}

const caseOf = async (running: Running, reference: string): Promise<CaseState> => (await new CaseStates(new CaseLog(running.database.db)).get(reference))!;
const signatoryOf = (state: CaseState) => state.facts.assessments.at(-1)?.assessment.dataControllerSignatory;

describe('No identifiers to type, over HTTP', () => {
  describe('in local mode', () => {
    let running: Running;
    const cases = { assessing: 'DARS-2026-00601', first: 'DARS-2026-00602', second: 'DARS-2026-00603', third: 'DARS-2026-00604' };

    before(async () => {
      const connector = await ConnectorStandIn.start();
      const database = freshDatabase('identifiers');
      await seedCaseAt(database.db, cases.assessing, 'assessing');
      for (const reference of [cases.first, cases.second, cases.third]) await seedCaseAt(database.db, reference, 'underAcceptanceReview');
      const bot = await startTestBot({
        databaseName: database.name,
        env: {
          TEAMS_SERVICE_URL: connector.url,
          DARS_ROLES: JSON.stringify({ [sam.id]: ['staff'], [dana.id]: ['staff'] }),
          DARS_PEOPLE: JSON.stringify({ 'Carl.Controller@leeds.example.ac.uk': { id: carl.id, name: 'Carl Controller' } }),
        },
      });
      running = { bot, connector, database };
    });

    after(async () => {
      await running?.bot.stop();
      await running?.connector.close();
      if (running) assertEveryCardValid(running.connector);
    });

    it('finds the data controller signatory by email in DARS_PEOPLE, and says so on the card when nobody has that email', async () => {
      const before = await caseOf(running, cases.assessing);

      // Someone who may not record the assessment is told so, not what the directory holds.
      const applicant = await clickAs(running, ada, before, 'assessment.record', assessmentInputs('nobody@leeds.example.ac.uk'));
      assert.match(applicant, /Only DARS staff can record the preliminary assessment/);
      assert.doesNotMatch(applicant, /DARS_PEOPLE|directory/);

      const unknown = await clickAs(running, sam, before, 'assessment.record', assessmentInputs('nobody@leeds.example.ac.uk'));
      assert.match(unknown, /Nobody with the email nobody@leeds\.example\.ac\.uk is in DARS Bot’s directory of people \(DARS_PEOPLE/);
      assert.equal((await caseOf(running, cases.assessing)).facts.assessments.length, before.facts.assessments.length, 'nothing was recorded');

      const recorded = await clickAs(running, sam, before, 'assessment.record', assessmentInputs('carl.controller@leeds.example.ac.uk'));
      assert.match(recorded, /Data controller signatory[\s\S]*Carl Controller, carl\.controller@leeds\.example\.ac\.uk, for University of Leeds/, 'the card shows who was found');
      const after = await caseOf(running, cases.assessing);
      assert.deepEqual(signatoryOf(after), { id: carl.id, name: 'Carl Controller', email: 'carl.controller@leeds.example.ac.uk', organisation: 'University of Leeds' });
      assert.equal(after.people.dataControllerSignatory?.id, carl.id);
    });

    it('issues a NIC number in DARS’s format when staff leave the box empty, and refuses one another case already holds', async () => {
      const first = await caseOf(running, cases.first);
      const accepted = await clickAs(running, dana, first, 'application.accept', { nicNumber: '' });
      const issued = (await caseOf(running, cases.first)).nicNumber;
      assert.ok(issued, 'the first case has a NIC number');
      assert.match(issued, nicNumberPattern);
      assert.ok(accepted.includes(issued), `the card shows the NIC number issued: ${accepted}`);
      // The same card clicked again: the case has moved on; no second number is taken.
      assert.match(await clickAs(running, dana, first, 'application.accept', { nicNumber: '' }), /This case has moved on since this card was shown/);
      assert.equal((await caseOf(running, cases.first)).nicNumber, issued);
      assert.equal(await running.database.db.collection('nicNumbers').countDocuments({ caseId: cases.first }), 1);

      // Staff enter the first case's number for another case: refused on the card, nothing changed.
      const second = await caseOf(running, cases.second);
      const refused = await clickAs(running, dana, second, 'application.accept', { nicNumber: issued.toLowerCase() });
      assert.match(refused, new RegExp(`${issued} is already the NIC number of another DARS case, so the application was not accepted`));
      assert.doesNotMatch(refused, new RegExp(cases.first), 'the refusal does not say which case holds it');
      const unchanged = await caseOf(running, cases.second);
      assert.equal(unchanged.version, second.version);
      assert.equal(unchanged.nicNumber, undefined);

      // An existing NIC number no case holds is taken as entered; then it is taken.
      await clickAs(running, dana, second, 'application.accept', { nicNumber: 'NIC-654321-EX1ST' });
      assert.equal((await caseOf(running, cases.second)).nicNumber, 'NIC-654321-EX1ST');
      const third = await caseOf(running, cases.third);
      assert.match(await clickAs(running, sam, third, 'application.accept', { nicNumber: 'NIC-654321-EX1ST' }), /NIC-654321-EX1ST is already the NIC number of another DARS case/);
      assert.equal((await caseOf(running, cases.third)).nicNumber, undefined);
    });
  });

  describe('with Microsoft Graph', () => {
    let running: Running;
    let standIn: GraphStandIn;
    let cleanUp: () => void = () => undefined;
    const reference = 'DARS-2026-00611';

    before(async () => {
      standIn = await GraphStandIn.start();
      populateDirectory(standIn);
      const connector = await ConnectorStandIn.start();
      const database = freshDatabase('identifiersGraph');
      await seedCaseAt(database.db, reference, 'assessing');
      const graph = graphEnvironment(standIn, connector);
      cleanUp = graph.cleanUp;
      running = { bot: await startTestBot({ databaseName: database.name, env: graph.env }), connector, database };
    });

    after(async () => {
      await running?.bot.stop();
      await Promise.all([running?.connector.close(), standIn?.stop()]);
      cleanUp();
    });

    it('finds the signatory in the tenant by email, and says a guest invitation is needed for someone not in it', async () => {
      const before = await caseOf(running, reference);
      const outsider = await clickAs(running, sam, before, 'assessment.record', assessmentInputs('rita.researcher@york.example.ac.uk'));
      assert.match(outsider, /Nobody with the email rita\.researcher@york\.example\.ac\.uk is in this organisation’s Microsoft Entra directory/);
      assert.match(outsider, /invite them as a guest/);
      // Compared on the assessments recorded, not the version: the bot's own deadline notices add to the history.
      assert.equal((await caseOf(running, reference)).facts.assessments.length, before.facts.assessments.length, 'nothing was recorded');
      assert.ok(standIn.graphCalls(/\/users/).some((call) => call.path.includes('rita.researcher')), 'the bot asked the directory');

      await clickAs(running, sam, before, 'assessment.record', assessmentInputs(carlInDirectory.mail));
      const after = await caseOf(running, reference);
      assert.deepEqual(signatoryOf(after), { id: carl.id, name: carl.name, email: carlInDirectory.mail, organisation: 'University of Leeds' });
    });
  });
});
