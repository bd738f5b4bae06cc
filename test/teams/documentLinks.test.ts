import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseStates } from '../../services/storage/cases/caseStates';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { issueDocumentToken } from '../../services/domain/documents/documentLinkToken';
import { addDays, addYears, londonDate } from '../../services/domain/calendar';
import type { Actor, CaseState, CaseCommand } from '../../services/domain/workflow';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { startTestBot, type TestBot } from '../support/testBot';
import { answeredCard } from '../support/cardClicks';
import { ConnectorStandIn } from '../support/connectorStandIn';
import { cardOf, readableText } from '../support/teams';
import { freshDatabase } from '../support/testDatabase';
import { ada, carl, dana, mo, nina, oscar } from '../workflow/support/people';
import { awaitPersonalCard, ChatClicker, personalCard, seedApprovedCase, teamsUserOf, type CardInChat } from './support/graphTeams';

/**
 * The document in their hands, in local mode (no Microsoft Graph): the DSA signature card carries
 * "Open the DSA (PDF)", a link to the bot's own `GET /documents/:token`, issued to the person the
 * card was rendered for. Fetched over HTTP from the real bot process, the bytes hash to the
 * SHA-256 the card shows; links for anyone else, tampered, expired, or for a person since removed
 * from the case are refused without a word about the case.
 */
const caseRef = { reference: 'DARS-2026-00601', nic: 'NIC-600601-DOC01' };
const secret = 'document-links-test-secret-0123456789abcdef';
const today = londonDate(new Date());
const start = addDays(today, 14);
const terms = { start, end: addDays(addYears(start, 1), -1), use: 'other', cohortFileWithinWorkingDays: '20', cohortFileItems: '', datesMinimised: 'false' };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface OpenUrlAction { type: string; title: string; url: string }

/** The card's "Open the DSA (PDF)" button. */
function documentButton(card: CardInChat): OpenUrlAction {
  const actions = (cardOf(card.activity)?.actions ?? []) as OpenUrlAction[];
  const button = actions.find((action) => action.type === 'Action.OpenUrl');
  assert.ok(button, 'the card has an Action.OpenUrl button');
  return button;
}

describe('Documents in their hands (local mode): the signature card’s link opens the exact DSA, for the people on the case only', () => {
  let connector: ConnectorStandIn;
  let bot: TestBot;
  let database: ReturnType<typeof freshDatabase>;

  before(async () => {
    connector = await ConnectorStandIn.start();
    database = freshDatabase('documentLinks');
    await seedApprovedCase(database.db, caseRef.reference, caseRef.nic);
    bot = await startTestBot({
      databaseName: database.name,
      env: {
        TEAMS_SERVICE_URL: connector.url,
        DOCUMENT_LINK_SECRET: secret,
        DARS_ROLES: JSON.stringify({ [dana.id]: ['staff'], [nina.id]: ['nhseSignatory'] }),
      },
    });
  });

  after(async () => {
    await bot?.stop();
    await connector?.close();
    assertEveryCardValid(connector);
  });

  const record = async (): Promise<CaseState> => (await new CaseStates(new CaseLog(database.db)).get(caseRef.reference))!;
  const as = (actor: Actor, card: CardInChat) => new ChatClicker(bot, connector, teamsUserOf(actor), card.conversationId);
  const get = (url: string) => fetch(url);
  const tokenFor = (personId: string, documentHash: string, expiresAt = new Date(Date.now() + 3_600_000)) =>
    `http://127.0.0.1:${bot.port}/documents/${issueDocumentToken({ caseId: caseRef.reference, documentHash, personId, expiresAt }, secret)}`;
  const decide = async (actor: Actor, command: CaseCommand, key: string) => {
    const result = await new CaseCommands(new CaseLog(database.db), new CaseIndex(database.db), darsWorkflow(cardsShowing)).execute(command, {
      caseId: caseRef.reference, key, now: new Date(), context: { actor, activityId: key, now: new Date() },
    });
    assert.equal(result.kind, 'applied', `${command.type}: ${'reason' in result ? String(result.reason) : ''}`);
  };

  it('each signatory fetches the DSA by their card’s link and gets the bytes whose SHA-256 the card shows', async () => {
    const dsaCard = await awaitPersonalCard(connector, dana.id, 'dsa.generate', caseRef.reference);
    answeredCard(await as(dana, dsaCard).click(dsaCard, 'dsa.generate', terms));
    const sendCard = await awaitPersonalCard(connector, dana.id, 'dsa.send', caseRef.reference);
    assert.equal(documentButton(sendCard).title, 'Open the DSA (PDF)', 'the DARS contact’s DSA card opens the document too');
    answeredCard(await as(dana, sendCard).click(sendCard, 'dsa.send'));
    const hash = (await record()).facts.dsa!.contentHash;

    for (const person of [nina, carl]) {
      const card = await awaitPersonalCard(connector, person.id, 'dsa.sign', caseRef.reference);
      assert.match(readableText(card.activity), new RegExp(hash), `${person.name}’s card shows the SHA-256`);
      const button = documentButton(card);
      assert.equal(button.title, 'Open the DSA (PDF)');
      assert.match(button.url, new RegExp(`^http://127.0.0.1:${bot.port}/documents/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
      const response = await get(button.url);
      assert.equal(response.status, 200, person.name);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      assert.equal(response.headers.get('content-disposition'), `inline; filename="${caseRef.nic}-DSA-v1.pdf"`);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(sha256(bytes), hash, `${person.name} gets exactly the document the card names`);
    }
  });

  it('refuses a link for someone not on the case, a tampered or expired link, and a person removed from the case — saying nothing of the case', async () => {
    const hash = (await record()).facts.dsa!.contentHash;
    const ninasLink = documentButton(await awaitPersonalCard(connector, nina.id, 'dsa.sign', caseRef.reference)).url;

    const refusedWith = async (url: string, status: number, what: string) => {
      const response = await get(url);
      assert.equal(response.status, status, what);
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
      const text = await response.text();
      assert.ok(text.length < 200, 'a short plain sentence');
      for (const secretOfTheCase of [caseRef.reference, caseRef.nic, hash, 'Leeds']) assert.ok(!text.includes(secretOfTheCase), `${what}: nothing of the case`);
      return text;
    };

    // Someone else's link, issued properly (the secret is right) but to a person not on the case.
    const outsider = await refusedWith(tokenFor(oscar.id, hash), 404, 'a link for an outsider');
    // Tampered: Nina's link re-addressed to Oscar keeps Nina's signature, which no longer matches.
    const [payload, signature] = ninasLink.split('/documents/')[1]!.split('.');
    const fields = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...fields, p: oscar.id }), 'utf8').toString('base64url');
    assert.equal(await refusedWith(`http://127.0.0.1:${bot.port}/documents/${forged}.${signature}`, 404, 'a tampered link'), outsider, 'the same answer as an outsider');
    await refusedWith(`http://127.0.0.1:${bot.port}/documents/${payload}.${'A'.repeat(signature!.length)}`, 404, 'a forged signature');
    await refusedWith(`http://127.0.0.1:${bot.port}/documents/not-a-token`, 404, 'garbage');
    assert.match(await refusedWith(tokenFor(nina.id, hash, new Date(Date.now() - 1000)), 410, 'an expired link'), /expired/);
    // A document that is not the case's (another hash) is not served, even to Nina.
    await refusedWith(tokenFor(nina.id, 'e'.repeat(64)), 410, 'a hash that is not the case’s document');

    // A member of the applicant's team reads the case while a member, and not after being removed.
    if (!(await record()).people.members.some((member) => member.id === mo.id)) await decide(ada, { type: 'inviteApplicantMember', member: { id: mo.id, name: mo.name } }, 'invite-mo');
    const mosLink = tokenFor(mo.id, hash);
    assert.equal((await get(mosLink)).status, 200, 'a member of the applicant’s team may open it');
    await decide(ada, { type: 'removeApplicantMember', memberId: mo.id }, 'remove-mo');
    assert.equal(await refusedWith(mosLink, 404, 'a person removed from the case'), outsider);
  });

  it('after both signatures, the signed DSA of record reaches both signatories and the applicant, each by their own link', async () => {
    const signedHash = (await record()).facts.dsa!.contentHash;
    const ninaCard = await awaitPersonalCard(connector, nina.id, 'dsa.sign', caseRef.reference);
    answeredCard(await as(nina, ninaCard).click(ninaCard, 'dsa.sign', { typedName: 'Nina Signatory', authorityConfirmed: 'true' }));
    const carlCard = personalCard(connector, carl.id, 'dsa.sign', caseRef.reference)!;
    answeredCard(await as(carl, carlCard).click(carlCard, 'dsa.sign', { typedName: 'Carl Controller', authorityConfirmed: 'true' }));
    assert.ok((await record()).facts.dsa!.executed, 'the DSA is signed by both parties');

    /** The signed-copy cards sent to the person for this case: the button's link and the SHA-256 the card shows. */
    const copiesTo = (personId: string) => connector.conversationsWith(personId)
      .flatMap((conversationId) => connector.sent(conversationId))
      .filter((activity) => String(activity.summary ?? '').startsWith(`${caseRef.reference}: your signed copy`))
      .map((activity) => {
        const card = cardOf(activity)!;
        const button = (card.actions as OpenUrlAction[]).find((action) => action.title === 'Open the signed DSA (PDF)')!;
        return { url: button.url, sha: /\b[0-9a-f]{64}\b/.exec(readableText(activity))![0], text: readableText(activity) };
      });
    const copies: { url: string; sha: string }[] = [];
    for (const person of [nina, carl, ada]) {
      const [message, ...more] = await connector.waitFor(() => { const found = copiesTo(person.id); return found.length > 0 && found; }, 30_000, `the signed copy for ${person.name}`);
      assert.equal(more.length, 0, `one signed copy for ${person.name}`);
      assert.match(message!.text, /is signed by both parties/);
      const { url, sha } = message!;
      copies.push({ url, sha });
      const response = await get(url);
      assert.equal(response.status, 200, person.name);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      assert.equal(response.headers.get('content-disposition'), `inline; filename="${caseRef.nic}-DSA-v1-signed.pdf"`);
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(sha256(bytes), sha, `${person.name} gets the copy the message names`);
      assert.notEqual(sha, signedHash, 'the copy of record is the agreement plus its signature page, not the document signed');
    }
    assert.equal(new Set(copies.map((copy) => copy.sha)).size, 1, 'one copy of record, the same for all three');
    assert.equal(new Set(copies.map((copy) => copy.url)).size, 3, 'each person has their own link');

    // Kept once, insert-only, naming the document signed; another person's link is not theirs to use.
    const kept = await database.db.collection('signedDocuments').find({ caseId: caseRef.reference }).toArray();
    assert.deepEqual(kept.map((doc) => [doc.kind, doc.sha256, doc.signedHash]), [['dsa', copies[0]!.sha, signedHash]]);
    assert.equal((await get(tokenFor(oscar.id, copies[0]!.sha))).status, 404, 'an outsider cannot open the signed copy');
  });
});
