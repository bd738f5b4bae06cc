import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseStates } from '../../services/storage/cases/caseStates';
import { teamsFile } from '../journey/support/journeyChat';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { FileServer } from '../support/fileServer';
import { PersonalChat, tenantId } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { ada, dana, pat } from '../workflow/support/people';
import { seedCaseAt, teamsUserOf } from './support/graphTeams';

/**
 * Cohort files are kept like evidence (whole, in the file store, with their SHA-256), so the
 * cohort file card links each file received: the applicant opens exactly the CSV they sent by
 * the card's link; a link is refused to someone with no part in the case.
 */
const caseRef = { reference: 'DARS-2026-00801', nic: 'NIC-800801-COH01' };
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function openUrlButtons(node: unknown): { title: string; url: string }[] {
  if (Array.isArray(node)) return node.flatMap(openUrlButtons);
  if (!node || typeof node !== 'object') return [];
  const element = node as Record<string, unknown>;
  const own = element.type === 'Action.OpenUrl' ? [{ title: String(element.title), url: String(element.url) }] : [];
  return [...own, ...Object.values(element).flatMap(openUrlButtons)];
}

describe('Cohort file links: the cohort file card opens each file received', () => {
  let connector: ConnectorStandIn;
  let files: FileServer;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;

  before(async () => {
    connector = await ConnectorStandIn.start();
    files = await FileServer.start();
    database = freshDatabase('cohortLinks');
    await seedCaseAt(database.db, caseRef.reference, 'arrangingAccess', caseRef.nic);
    // The seeded journey's own messages count as delivered: this suite is about the file.
    await database.db.collection('caseCommits').updateMany({ caseId: caseRef.reference }, { $set: { pendingOutbox: [] }, $unset: { outboxPending: '' } });
    bot = await startTestBot({ databaseName: database.name, env: { TEAMS_SERVICE_URL: connector.url, DARS_ROLES: JSON.stringify({ [dana.id]: ['staff'] }) } });
  });

  after(async () => {
    await bot?.stop();
    await Promise.all([connector?.close(), files?.close()]);
    assertEveryCardValid(connector);
  });

  /** The cohort file card as Teams shows it to the person on opening it (a `card.refresh` invoke). */
  const cohortCardFor = async (chat: PersonalChat) => {
    const answer = await chat.post(
      { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'card.refresh', data: { caseId: caseRef.reference, card: 'cohortFile' } }, trigger: 'automatic' } },
      { id: `a:personal-${chat.user.aadObjectId}`, conversationType: 'personal', tenantId },
    );
    assert.equal(answer.status, 200);
    return answer.body.value as Record<string, unknown>;
  };

  it('links the CSV the applicant sent; the link opens exactly its bytes, and only for people on the case', async () => {
    const chat = new PersonalChat(bot, connector, teamsUserOf(ada));
    const csv = 'UNIQUE REFERENCE,STATUS,DATE OF BIRTH\nP1,add,1980-01-15\nP2,add,1975-12-31\n';
    const name = `${caseRef.nic}_cohort.csv`;
    const sent = await chat.post({ type: 'message', attachments: [teamsFile(name, files.serve(name, csv))] });
    assert.equal(sent.status, 200);
    const file = (await new CaseStates(new CaseLog(database.db)).get(caseRef.reference))!.facts.access!.cohortFile.files[0];
    assert.ok(file?.fileId, 'the cohort file is received and kept');
    assert.equal(file.contentHash, sha256(csv));

    const buttons = openUrlButtons(await cohortCardFor(chat)).filter((button) => button.title.startsWith('Open cohort file'));
    assert.deepEqual(buttons.map((button) => button.title), ['Open cohort file 1 (2 rows)']);
    const response = await fetch(buttons[0]!.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/csv');
    assert.equal(response.headers.get('content-disposition'), `attachment; filename="${name}"; filename*=UTF-8''${name}`);
    assert.equal(sha256(Buffer.from(await response.arrayBuffer())), file.contentHash);

    // Pat holds no role in this bot and no part in the case: he is shown the bare card, with no link to take.
    const outsiderCard = await cohortCardFor(new PersonalChat(bot, connector, teamsUserOf(pat)));
    assert.deepEqual(openUrlButtons(outsiderCard), []);
  });
});
