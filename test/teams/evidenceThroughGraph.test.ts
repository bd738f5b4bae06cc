import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseStates } from '../../services/storage/cases/caseStates';
import type { CaseState } from '../../services/domain/workflow';
import { teamsFile } from '../journey/support/journeyChat';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { ConnectorStandIn, type SentActivity } from '../support/connectorStandIn';
import { FileServer } from '../support/fileServer';
import { GraphStandIn } from '../support/graphStandIn';
import { cardOf, PersonalChat, readableText } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { ada } from '../workflow/support/people';
import { channels, driveId, graphEnvironment, populateDirectory, seedCaseAt, teamsUserOf } from './support/graphTeams';

/**
 * Evidence with Microsoft Graph configured: a file the applicant attaches in chat is also filed
 * in the case's SharePoint folder (beside its DSA folder), through the delivery road — an upload
 * Graph refuses once (503 with Retry-After) is retried, not lost — and the review cards in the
 * staff channels then link to the SharePoint copy instead of the bot's own link.
 */
const caseRef = { reference: 'DARS-2026-00701', nic: 'NIC-700701-EVG01' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function elementsOf(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!node || typeof node !== 'object') return [];
  return [node as Record<string, unknown>, ...Object.values(node).flatMap(elementsOf)];
}

/** The link under the file's entry on the card (`evidence-<fileId>`), if it has one. */
function fileLink(card: Record<string, unknown> | undefined, fileId: string): string | undefined {
  const container = elementsOf(card).find((element) => element.id === `evidence-${fileId}`);
  return (elementsOf(container).find((element) => element.type === 'Action.OpenUrl') as { url?: string } | undefined)?.url;
}

describe('Evidence through Microsoft Graph: copied to SharePoint on the delivery road, linked from the review cards', () => {
  let standIn: GraphStandIn;
  let connector: ConnectorStandIn;
  let files: FileServer;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;
  let cleanUp: () => void = () => undefined;

  before(async () => {
    standIn = await GraphStandIn.start();
    populateDirectory(standIn);
    connector = await ConnectorStandIn.start();
    files = await FileServer.start();
    database = freshDatabase('evidenceGraph');
    // Under assurance review: the review cards are (about to be) posted in the assurance, AGD and PAG channels.
    await seedCaseAt(database.db, caseRef.reference, 'inReview', caseRef.nic);
    const graph = graphEnvironment(standIn, connector);
    cleanUp = graph.cleanUp;
    bot = await startTestBot({ databaseName: database.name, env: graph.env });
  });

  after(async () => {
    await bot?.stop();
    await Promise.all([connector?.close(), standIn?.stop(), files?.close()]);
    cleanUp();
    assertEveryCardValid(connector);
  });

  const record = async (): Promise<CaseState> => (await new CaseStates(new CaseLog(database.db)).get(caseRef.reference))!;
  /** The assurance review card as the assurance channel shows it now (updates in place applied). */
  const assuranceCard = (): SentActivity | undefined => {
    const threads = [...new Set(connector.calls.map((call) => call.conversationId ?? ''))].filter((id) => id.startsWith(channels.assurance));
    return threads.flatMap((id) => connector.current(id)).filter((activity) => /review/.test(String(activity.summary ?? '')) && cardOf(activity)).at(-1);
  };

  it('files the ethics and CAG letters in SharePoint once each, despite a refused first upload, and the review card links to them there', async () => {
    const chat = new PersonalChat(bot, connector, teamsUserOf(ada));
    const ethicsLetter = Buffer.from('%PDF-1.7\n% Ethics approval: REC 24/NE/0002\n%%EOF\n', 'latin1');
    const cagLetter = Buffer.from('%PDF-1.7\n% CAG support: 24/CAG/0002\n%%EOF\n', 'latin1');
    await connector.waitFor(() => assuranceCard(), 30_000, 'the assurance review card in its channel');

    // Graph refuses the first file upload (503, Retry-After 1 s): the road must come back for it.
    standIn.throttle(/\/Files\/.+:\/content$/, 1, { status: 503, retryAfterSeconds: 1, method: 'PUT' });
    for (const [name, bytes, words] of [['ethics approval.pdf', ethicsLetter, 'ethics approval letter'], ['cag: letter.pdf', cagLetter, 'CAG letter']] as const) {
      const result = await chat.post({ type: 'message', text: words, attachments: [teamsFile(name, files.serve(name, bytes, 'application/pdf'))] });
      assert.equal(result.status, 200);
      assert.match(result.sent.map((sent) => readableText(sent)).join('\n'), /Kept .+ as the (ethics approval|CAG \(s251\) support) letter/);
    }
    const evidence = (await record()).facts.evidence ?? [];
    const ethics = evidence.find((file) => file.fileName === 'ethics approval.pdf')!;
    const cag = evidence.find((file) => file.fileName === 'cag: letter.pdf')!;
    assert.ok(ethics && cag, 'both files are recorded on the case');

    // Both reach the case's folder, named by file id first (no overwriting) with SharePoint's forbidden characters replaced.
    const folder = `DSAs/${caseRef.reference}/Files`;
    const ethicsPath = `${driveId}/${folder}/evidence-${ethics.fileId.slice(0, 8)}-ethics approval.pdf`;
    const cagPath = `${driveId}/${folder}/evidence-${cag.fileId.slice(0, 8)}-cag_ letter.pdf`;
    await connector.waitFor(() => standIn.files.has(ethicsPath) && standIn.files.has(cagPath), 30_000, 'both files in SharePoint');
    assert.equal(sha256(standIn.files.get(ethicsPath)!.bytes), ethics.sha256);
    assert.equal(sha256(standIn.files.get(cagPath)!.bytes), cag.sha256);
    const uploads = standIn.graphCalls(/\/Files\/.+:\/content$/, 'PUT');
    assert.deepEqual(uploads.map((call) => call.answeredStatus).sort(), [201, 201, 503], 'one refused upload, then each file uploaded once');

    // The review card in the assurance channel is updated to open each file in SharePoint.
    const webUrl = (path: string) => `https://nhsengland.sharepoint.com/sites/DARS/Shared%20Documents/${path.split('/').slice(1).map(encodeURIComponent).join('/')}`;
    const card = await connector.waitFor(() => {
      const shown = cardOf(assuranceCard());
      return fileLink(shown, ethics.fileId) === webUrl(ethicsPath) && fileLink(shown, cag.fileId) === webUrl(cagPath) && shown;
    }, 30_000, 'the review card linking to the SharePoint copies');
    assert.match(JSON.stringify(card), new RegExp(ethics.sha256), 'the card shows the SHA-256 of what was filed');
  });
});
