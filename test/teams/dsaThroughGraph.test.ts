import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { serviceAgreementDocument } from '../../services/domain/access/serviceAgreement';
import { addDays, addWorkingDays, addYears, londonDate } from '../../services/domain/calendar';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseStates } from '../../services/storage/cases/caseStates';
import type { Actor, CaseState } from '../../services/domain/workflow';
import { teamsFile } from '../journey/support/journeyChat';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { answeredCard, buttonsOf, click } from '../support/cardClicks';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { FileServer } from '../support/fileServer';
import { GraphStandIn, type GraphCall } from '../support/graphStandIn';
import { cardOf, PersonalChat, readableText, TeamChannel } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { ada, carl, dana, nina } from '../workflow/support/people';
import {
  awaitPersonalCard, cardsSent, carlInDirectory, catalogAppId, channels, ChatClicker, driveId, graphEnvironment, ninaInDirectory,
  personalCard, populateDirectory, roleGroups, seedApprovedCase, teamsAppId, teamsUserOf, type CardInChat,
} from './support/graphTeams';

/**
 * DSA signature requests routed through Microsoft Graph, at channel level: a real bot process
 * configured for Graph (the HTTPS stand-in, its certificate trusted from a file), staff roles
 * from Entra groups, and people acting only by clicking the cards the bot sends to their 1:1
 * chats. The stand-in records every Graph call; the connector stand-in every Teams message.
 */
const caseA = { reference: 'DARS-2026-00501', nic: 'NIC-500501-GRA01' };
const caseB = { reference: 'DARS-2026-00502', nic: 'NIC-500502-GRB02' };

const today = londonDate(new Date());
const start = addDays(today, 14);
const end = addDays(addYears(start, 1), -1);
/** The DSA card's terms form as the DARS contact fills it in. */
const terms = (until: string) => ({ start, end: until, use: 'other', cohortFileWithinWorkingDays: '20', cohortFileItems: '', datesMinimised: 'false' });
const signature = (typedName: string) => ({ typedName, authorityConfirmed: 'true' });
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

describe('The DSA through Microsoft Graph, driven over HTTP as Teams would', () => {
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
    database = freshDatabase('dsaGraph');
    await seedApprovedCase(database.db, caseA.reference, caseA.nic);
    await seedApprovedCase(database.db, caseB.reference, caseB.nic);
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

  // The case as its log says (what cards and decisions read).
  const record = async (reference: string): Promise<CaseState> => (await new CaseStates(new CaseLog(database.db)).get(reference))!;
  const commits = (reference: string) => database.db.collection('caseCommits').countDocuments({ caseId: reference });
  const as = (actor: Actor, card: CardInChat) => new ChatClicker(bot, connector, teamsUserOf(actor), card.conversationId);
  const since = (mark: number) => (calls: GraphCall[]) => calls.filter((call) => standIn.calls.indexOf(call) >= mark);

  it('takes an approved case through DSA generation, upload, sharing, installation, notification and both signatures to access', async () => {
    const mark = standIn.calls.length;
    const graph = (path: RegExp) => since(mark)(standIn.graphCalls(path));

    // The DARS contact generates the DSA on the card the approval sent her, and sends it.
    const dsaCard = await awaitPersonalCard(connector, dana.id, 'dsa.generate', caseA.reference);
    const generated = answeredCard(await as(dana, dsaCard).click(dsaCard, 'dsa.generate', terms(end)));
    const dsa = (await record(caseA.reference)).facts.dsa!;
    assert.equal((await record(caseA.reference)).status, 'dsaGenerated');
    assert.equal(dsa.documentName, `${caseA.nic}-DSA-v1.pdf`);
    assert.match(dsa.contentHash, /^[0-9a-f]{64}$/);
    assert.match(JSON.stringify(generated), new RegExp(dsa.contentHash), 'the answered card shows the document’s SHA-256');
    assert.ok(buttonsOf(generated).some((button) => button.verb === 'dsa.send'));
    const sendCard = await awaitPersonalCard(connector, dana.id, 'dsa.send', caseA.reference);
    answeredCard(await as(dana, sendCard).click(sendCard, 'dsa.send'));
    assert.equal((await record(caseA.reference)).status, 'awaitingSignatures');

    // The outbox routes both requests through Graph, then each signatory gets the card in their 1:1 chat.
    const ninaCard = await awaitPersonalCard(connector, nina.id, 'dsa.sign', caseA.reference);
    const carlCard = await awaitPersonalCard(connector, carl.id, 'dsa.sign', caseA.reference);
    for (const card of [ninaCard, carlCard]) assert.match(readableText(card.activity), new RegExp(dsa.contentHash), 'the card shows the hash the signature binds to');

    // Upload: once for both signatories, to the NIC's folder, the very bytes the case's hash names.
    const uploads = graph(/:\/content$/);
    assert.deepEqual(uploads.map((call) => [call.method, call.path, call.answeredStatus]), [['PUT', `/v1.0/drives/${driveId}/root:/DSAs/${caseA.nic}/${dsa.documentName}:/content`, 201]]);
    assert.equal(uploads[0]!.headers['content-type'], 'application/octet-stream');
    assert.equal(sha256(uploads[0]!.bodyBytes), dsa.contentHash);
    const itemId = standIn.files.get(`${driveId}/DSAs/${caseA.nic}/${dsa.documentName}`)!.id;

    // Each signature card opens that very document in SharePoint (shared with the signatory below).
    const sharePointUrl = `https://nhsengland.sharepoint.com/sites/DARS/Shared%20Documents/DSAs/${caseA.nic}/${dsa.documentName}`;
    for (const card of [ninaCard, carlCard]) {
      const links = ((cardOf(card.activity)?.actions ?? []) as { type: string; title: string; url: string }[]).filter((action) => action.type === 'Action.OpenUrl');
      assert.deepEqual(links.map((link) => [link.title, link.url]), [['Open the DSA (PDF)', sharePointUrl]]);
    }

    // Shared read-only with each signatory, signed in, without SharePoint's own email.
    const invites = graph(/\/invite$/);
    assert.deepEqual(invites.map((call) => [call.method, call.path]), [1, 2].map(() => ['POST', `/v1.0/drives/${driveId}/items/${itemId}/invite`]));
    assert.deepEqual(
      invites.map((call) => call.body).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      [carlInDirectory.mail, ninaInDirectory.mail].map((email) => ({ recipients: [{ email }], roles: ['read'], requireSignIn: true, sendInvitation: false })),
    );

    // The Teams app installed for each signatory, consenting to the activity-feed permission.
    const installs = graph(/\/teamwork\/installedApps$/);
    assert.deepEqual(installs.map((call) => call.path).sort(), [carl.id, nina.id].sort().map((id) => `/v1.0/users/${id}/teamwork/installedApps`));
    for (const call of installs) {
      assert.equal(call.answeredStatus, 201);
      assert.deepEqual(call.body, {
        'teamsApp@odata.bind': `${standIn.url}/v1.0/appCatalogs/teamsApps/${catalogAppId}`,
        consentedPermissionSet: { resourceSpecificPermissions: [{ permissionValue: 'TeamsActivity.Send.User', permissionType: 'Application' }] },
      });
    }

    // The activity-feed notice, leading to the chat with the bot.
    const notices = graph(/\/teamwork\/sendActivityNotification$/);
    assert.deepEqual(notices.map((call) => call.path).sort(), [carl.id, nina.id].sort().map((id) => `/v1.0/users/${id}/teamwork/sendActivityNotification`));
    for (const call of notices) {
      assert.equal(call.answeredStatus, 204);
      assert.deepEqual(call.body, {
        topic: { source: 'text', value: `Data Sharing Agreement ${caseA.nic}, version 1`, webUrl: `https://teams.microsoft.com/l/chat/0/0?users=28:${teamsAppId}` },
        activityType: 'dsaSignatureRequested',
        previewText: { content: `Please sign version 1 of the Data Sharing Agreement for ${caseA.reference} (${caseA.nic}). The signature card is in your chat with DARS Bot.` },
        templateParameters: [{ name: 'actor', value: dana.name }, { name: 'caseReference', value: caseA.reference }],
      });
    }

    // For each signatory, in order: shared, installed, notified; and one card each.
    for (const [person, email] of [[nina, ninaInDirectory.mail], [carl, carlInDirectory.mail]] as const) {
      const steps = standIn.calls.slice(mark).filter((call) => call.path.startsWith(`/v1.0/users/${person.id}/teamwork/`) || (call.path.endsWith('/invite') && JSON.stringify(call.body).includes(email)));
      assert.deepEqual(steps.map((call) => call.path.split('/').pop()), ['invite', 'installedApps', 'sendActivityNotification'], person.name);
      assert.equal(cardsSent(connector, person.id, 'dsa.sign', caseA.reference).length, 1, `one signature card for ${person.name}`);
    }

    // Every Graph call carried a token the stand-in's token endpoint issued to the app.
    const tokenRequests = standIn.calls.filter((call) => call.path === `/${standIn.tenantId}/oauth2/v2.0/token`);
    assert.equal(tokenRequests.length, 1, 'one token, reused until it nears expiry');
    for (const call of tokenRequests) {
      const form = call.body as Record<string, string>;
      assert.deepEqual([call.method, form.grant_type, form.client_id, form.scope], ['POST', 'client_credentials', standIn.clientId, 'https://graph.microsoft.com/.default']);
    }
    for (const call of standIn.graphCalls()) {
      const token = /^Bearer (.+)$/.exec(call.headers.authorization ?? '')?.[1];
      assert.ok(token && standIn.issuedTokens.includes(token), `${call.method} ${call.path} carries a Bearer token from the token endpoint`);
    }

    // Roles came from Entra groups: the signatory group's members, and the clickers' groups.
    assert.ok(standIn.graphCalls(new RegExp(`^/v1\\.0/groups/${roleGroups.nhseSignatory}/transitiveMembers/microsoft\\.graph\\.user$`)).length >= 1);
    const danaGroups = standIn.graphCalls(new RegExp(`^/v1\\.0/users/${dana.id}/checkMemberGroups$`));
    assert.ok(danaGroups.length >= 1);
    assert.deepEqual(new Set((danaGroups[0]!.body as { groupIds: string[] }).groupIds), new Set(Object.values(roleGroups)));

    // Each signatory signs on the card by click: typed name and authority.
    answeredCard(await as(nina, ninaCard).click(ninaCard, 'dsa.sign', signature('Nina Signatory')));
    assert.deepEqual((await record(caseA.reference)).facts.dsa!.signatures.map((s) => [s.party, s.signer.id, s.documentHash]), [['nhse', nina.id, dsa.contentHash]]);
    const carlNow = personalCard(connector, carl.id, 'dsa.sign', caseA.reference)!;
    answeredCard(await as(carl, carlNow).click(carlNow, 'dsa.sign', signature('Carl Controller')));

    const signed = await record(caseA.reference);
    assert.equal(signed.stage, 'access');
    assert.equal(signed.status, 'arrangingAccess');
    assert.deepEqual(signed.facts.dsa!.signatures.map((s) => [s.party, s.typedName, s.documentHash]), [['nhse', 'Nina Signatory', dsa.contentHash], ['dataController', 'Carl Controller', dsa.contentHash]]);
    assert.equal(graph(/:\/content$/).length, 1, 'still one upload');
  });

  it('and on to access arranged: the service agreement, the cohort file due and received, access arranged — by cards and chat', async () => {
    assert.equal((await record(caseA.reference)).status, 'arrangingAccess', 'continues the case of the test above');

    const agreement = await awaitPersonalCard(connector, carl.id, 'serviceAgreement.sign', caseA.reference);
    // The card opens the agreement itself (served by the bot): the bytes hash to the SHA-256 the signature binds to.
    const agreementLink = ((cardOf(agreement.activity)?.actions ?? []) as { type: string; title: string; url: string }[]).find((action) => action.type === 'Action.OpenUrl');
    assert.equal(agreementLink?.title, 'Open the service agreement');
    const agreementText = await fetch(agreementLink!.url);
    assert.equal(agreementText.status, 200);
    assert.equal(sha256(Buffer.from(await agreementText.arrayBuffer())), serviceAgreementDocument.contentHash);
    answeredCard(await as(carl, agreement).click(agreement, 'serviceAgreement.sign', signature('Carl Controller')));
    assert.equal((await record(caseA.reference)).facts.access?.serviceAgreement.signed?.documentHash, serviceAgreementDocument.contentHash);

    // Its signed copy of record reaches the signatory and the applicant, each with a button that opens it.
    for (const person of [carl, ada]) {
      const copy = await connector.waitFor(() => connector.sentTo(person.id).find((activity) => String(activity.summary ?? '') === `${caseA.reference}: your signed copy of the service agreement`), 20_000, `the signed service agreement for ${person.name}`);
      const button = ((cardOf(copy)?.actions ?? []) as { title: string; url: string }[])[0]!;
      assert.equal(button.title, 'Open the signed service agreement (PDF)');
      const pdf = await fetch(button.url);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.equal(sha256(Buffer.from(await pdf.arrayBuffer())), /\b[0-9a-f]{64}\b/.exec(readableText(copy))![0], person.name);
    }

    const cohortCard = await awaitPersonalCard(connector, dana.id, 'cohortFile.setDue', caseA.reference);
    const due = addWorkingDays(today, 5);
    answeredCard(await as(dana, cohortCard).click(cohortCard, 'cohortFile.setDue', { dueDate: due }));
    assert.equal((await record(caseA.reference)).facts.access?.cohortFile.dueDate, due);
    await connector.waitFor(() => connector.sentTo(ada.id).some((activity) => /Send the cohort file by/.test(readableText(activity))), 20_000, 'the cohort file card in the applicant’s chat');

    // The applicant attaches the CSV in her chat, as Teams delivers files.
    const csv = 'UNIQUE REFERENCE,STATUS,DATE OF BIRTH\nP1,add,1980-01-15\nP2,add,1975-12-31\n';
    const name = `${caseA.nic}_cohort.csv`;
    const attached = await new PersonalChat(bot, connector, teamsUserOf(ada)).post({ type: 'message', text: '', attachments: [teamsFile(name, files.serve(name, csv))] });
    assert.equal(attached.status, 200);
    assert.match(attached.sent.map((activity) => readableText(activity)).join('\n'), new RegExp(`The cohort file ${name} passed every check`));
    assert.equal((await record(caseA.reference)).facts.access?.cohortFile.files[0]?.contentHash, sha256(csv));

    // The DARS contact asks for the case in the triage channel and arranges access on its status card.
    const staffChannel = new TeamChannel(bot, connector, teamsUserOf(dana), channels.triage);
    const [statusCard] = await staffChannel.mention(`case ${caseA.reference}`);
    answeredCard(await click(staffChannel, statusCard!, 'access.arrange'));
    assert.equal((await record(caseA.reference)).status, 'accessArranged');
  });

  it('delays a throttled upload (429, Retry-After) without doing it twice, and refuses a signature clicked on a card showing a superseded DSA', async () => {
    const upload = new RegExp(`^/v1\\.0/drives/${driveId}/root:/DSAs/${caseB.nic}/.+:/content$`);
    standIn.throttle(upload, 1, { status: 429, retryAfterSeconds: 2 });
    const mark = standIn.calls.length;

    const dsaCard = await awaitPersonalCard(connector, dana.id, 'dsa.generate', caseB.reference);
    answeredCard(await as(dana, dsaCard).click(dsaCard, 'dsa.generate', terms(end)));
    const v1 = (await record(caseB.reference)).facts.dsa!;
    assert.equal((await record(caseB.reference)).status, 'dsaGenerated');
    const sendCard = await awaitPersonalCard(connector, dana.id, 'dsa.send', caseB.reference);
    answeredCard(await as(dana, sendCard).click(sendCard, 'dsa.send'));
    const ninaV1 = await awaitPersonalCard(connector, nina.id, 'dsa.sign', caseB.reference);
    await awaitPersonalCard(connector, carl.id, 'dsa.sign', caseB.reference);

    // Refused once, made once — and not before Retry-After (the step ledger's own record).
    const uploads = standIn.graphCalls(upload);
    assert.deepEqual(uploads.map((call) => call.answeredStatus), [429, 201]);
    assert.ok(uploads.every((call) => sha256(call.bodyBytes) === v1.contentHash));
    const uploadStep = `${caseB.reference}#dsa1#upload`;
    const attempts = await database.db.collection('dsaRoutingAttempts').find({ workId: uploadStep }).sort({ n: 1 }).toArray();
    assert.deepEqual(attempts.map((attempt) => [attempt.n, attempt.outcome]), [[1, 'failed'], [2, undefined]]);
    assert.ok(await database.db.collection('dsaRoutingSteps').findOne({ _id: uploadStep as never }), 'the second attempt is recorded as the step done');
    assert.match(String(attempts[0]!.error), /Graph 429/);
    assert.ok(attempts[0]!.retryAt.getTime() - attempts[0]!.startedAt.getTime() >= 2000, 'backs off as long as Retry-After says');
    assert.ok(attempts[1]!.startedAt.getTime() >= attempts[0]!.retryAt.getTime(), 'tried again only after Retry-After');
    assert.equal(since(mark)(standIn.graphCalls(/\/invite$/)).length, 2);
    assert.equal(since(mark)(standIn.graphCalls(/\/teamwork\/installedApps$/)).length, 2);
    assert.equal(since(mark)(standIn.graphCalls(/\/teamwork\/sendActivityNotification$/)).length, 2);
    for (const person of [nina, carl]) assert.equal(cardsSent(connector, person.id, 'dsa.sign', caseB.reference).length, 1);

    // The DARS contact regenerates the DSA (a shorter term): version 2, another document and hash.
    const regenerate = personalCard(connector, dana.id, 'dsa.generate', caseB.reference)!;
    answeredCard(await as(dana, regenerate).click(regenerate, 'dsa.generate', terms(addDays(end, -30))));
    const v2 = (await record(caseB.reference)).facts.dsa!;
    assert.equal(v2.dsaVersion, 2);
    assert.notEqual(v2.contentHash, v1.contentHash);

    // Nina's Teams still shows the card as sent, with version 1's hash; she signs it. Refused, nothing changes.
    const superseded = personalCard(connector, nina.id, 'dsa.sign', caseB.reference, 'original')!;
    assert.equal(superseded.activity.id, ninaV1.activity.id);
    assert.match(readableText(superseded.activity), new RegExp(v1.contentHash));
    const before = await commits(caseB.reference);
    const refused = answeredCard(await click(as(nina, superseded), superseded.activity, 'dsa.sign', signature('Nina Signatory')));
    assert.match(JSON.stringify(refused), /moved on since this card was shown, so nothing was changed/);
    assert.equal(await commits(caseB.reference), before);
    const after = await record(caseB.reference);
    assert.equal(after.status, 'dsaGenerated');
    assert.deepEqual(after.facts.dsa!.signatures, []);
    // Where Teams has the update, the same card now shows version 2, with nothing to sign until it is sent.
    await connector.waitFor(() => {
      const shown = connector.current(superseded.conversationId).find((activity) => activity.id === superseded.activity.id);
      return shown && readableText(shown).includes(v2.contentHash) && !buttonsOf(cardOf(shown)).some((button) => button.verb === 'dsa.sign');
    }, 20_000, 'the superseded signature card updated in place');

    // Version 2 sent: uploaded as its own file, a new card; a signature on it binds to version 2's hash.
    const sendAgain = await awaitPersonalCard(connector, dana.id, 'dsa.send', caseB.reference);
    answeredCard(await as(dana, sendAgain).click(sendAgain, 'dsa.send'));
    assert.equal((await record(caseB.reference)).status, 'awaitingSignatures');
    await connector.waitFor(() => cardsSent(connector, nina.id, 'dsa.sign', caseB.reference).length === 2, 30_000, 'the signature card for version 2');
    const fileOf = (call: GraphCall) => /\/([^/]+):\/content$/.exec(call.path)?.[1];
    assert.deepEqual(standIn.graphCalls(upload).map((call) => [fileOf(call), call.answeredStatus]), [[`${caseB.nic}-DSA-v1.pdf`, 429], [`${caseB.nic}-DSA-v1.pdf`, 201], [`${caseB.nic}-DSA-v2.pdf`, 201]]);
    assert.equal(sha256(standIn.graphCalls(upload).at(-1)!.bodyBytes), v2.contentHash);
    const staleAgain = answeredCard(await click(as(nina, superseded), superseded.activity, 'dsa.sign', signature('Nina Signatory')));
    assert.match(JSON.stringify(staleAgain), /moved on since this card was shown, so nothing was changed/);
    assert.deepEqual((await record(caseB.reference)).facts.dsa!.signatures, []);

    const current = personalCard(connector, nina.id, 'dsa.sign', caseB.reference)!;
    assert.notEqual(current.activity.id, superseded.activity.id);
    answeredCard(await as(nina, current).click(current, 'dsa.sign', signature('Nina Signatory')));
    assert.deepEqual((await record(caseB.reference)).facts.dsa!.signatures.map((s) => [s.party, s.dsaVersion, s.documentHash]), [['nhse', 2, v2.contentHash]]);
  });
});
