import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import JSZip from 'jszip';

import { issueDocumentToken, type DocumentHolder } from '../../services/domain/documents/documentLinkToken';
import { keptSecret } from '../../services/storage/documents/keptSecret';
import { FileStore } from '../../services/storage/evidence/fileStore';
import type { EvidenceFileRecord } from '../../services/domain/workflow/state/records';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { FileServer } from '../support/fileServer';
import type { SentActivity } from '../support/connectorStandIn';
import { cardOf, readableText, type PersonalChat } from '../support/teams';
import { teamsFile } from '../journey/support/journeyChat';
import { submittedApplication, triage } from './support/caseSteps';
import { cardText, CaseWorld, newCast } from './support/caseWorld';

/**
 * Evidence attached in the 1:1 chat, over HTTP with the real bot: the preliminary assessment asks
 * for ethics approval and CAG (s251) support; the applicant's submission is held until both are
 * attached; files whose content is not what their name says, or over 25 MB, are refused; the
 * files are listed on the application review card with their size and SHA-256, and the bytes kept
 * in the database hash to what was recorded.
 */
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every element of a card (depth first), to find a file's container and the buttons inside it. */
function elementsOf(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(elementsOf);
  if (!node || typeof node !== 'object') return [];
  return [node as Record<string, unknown>, ...Object.values(node).flatMap(elementsOf)];
}

/** The button that opens the file listed under `evidence-<fileId>` on the card, and the SHA-256 shown beside it. */
function fileOnCard(card: Record<string, unknown>, fileId: string): { title: string; url: string; shownSha256: string } {
  const container = elementsOf(card).find((element) => element.id === `evidence-${fileId}`);
  assert.ok(container, `the card lists file ${fileId}`);
  const button = elementsOf(container).find((element) => element.type === 'Action.OpenUrl') as { title: string; url: string } | undefined;
  assert.ok(button, `the file ${fileId} has a link on the card`);
  const shown = /SHA-256 ([0-9a-f]{64})/.exec(cardText({ type: 'AdaptiveCard', body: [container] }))?.[1];
  assert.ok(shown, 'the card shows the file’s SHA-256');
  return { title: button.title, url: button.url, shownSha256: shown };
}

/** Who a link was issued to, read from its token (the payload is signed, not secret). */
function holderOf(url: string): Record<string, unknown> {
  const payload = url.split('/documents/')[1]!.split('.')[0]!;
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const said = (sent: SentActivity[]) => sent.map((activity) => readableText(activity)).join('\n');

async function wordDocument(text: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('evidence attached in chat, over HTTP', () => {
  const cast = newCast();
  let world: CaseWorld;
  let files: FileServer;
  let attached: { reference: string; file: EvidenceFileRecord; bytes: Buffer } | undefined;
  let reviewed: { reference: string; files: { record: EvidenceFileRecord; bytes: Buffer }[] } | undefined;

  before(async () => {
    world = await CaseWorld.start('evidence', cast);
    files = await FileServer.start();
  });

  after(async () => {
    await files?.close();
    await world?.stop();
    // Every card the bot sent (the review card's file buttons, the applicant's files card) parses as an Adaptive Card.
    if (world) assertEveryCardValid(world.connector);
  });

  const attach = async (chat: PersonalChat, name: string, bytes: Buffer, text = '') => {
    const result = await chat.post({ type: 'message', text, attachments: [teamsFile(name, files.serve(name, bytes, 'application/octet-stream'))] });
    assert.equal(result.status, 200);
    return said(result.sent);
  };

  it('holds the submission until the ethics and CAG letters are attached, refuses wrong or oversized files, and lists each on the review card', async () => {
    const { applicant, contact } = cast;
    const chat = world.chat(applicant);
    const ethicsLetter = Buffer.from('%PDF-1.7\n% Ethics approval: REC 24/NE/0001\n%%EOF\n', 'latin1');
    const cagLetter = await wordDocument('CAG support 24/CAG/0001');
    const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

    const reference = await submittedApplication(world, cast, applicant, {
      evidenceNeeded: 'Ethics approval,s251 support (CAG)',
      beforeSubmitting: async (ref) => {
        // Both missing: held, with a message naming both and saying how to send them.
        const held = said(await chat.say('submit application'));
        assert.match(held, new RegExp(`The application for \\*\\*${ref}\\*\\* cannot be submitted yet`));
        assert.match(held, /DARS asked for evidence that is not attached yet: ethics approval letter and CAG \(s251\) support letter\./);
        assert.match(held, /Say \*\*evidence\*\*/);

        // The ethics letter, saying what it is as it is attached.
        const kept = await attach(chat, 'ethics_approval [REC].pdf', ethicsLetter, 'ethics approval letter');
        assert.match(kept, new RegExp(`Kept ethics\\\\_approval \\\\\\[REC\\\\\\]\\.pdf as the ethics approval letter for \\*\\*${ref}\\*\\* \\(${ethicsLetter.length} bytes; SHA-256 ${sha256(ethicsLetter)}\\)`));
        assert.match(kept, /CAG \(s251\) support letter: not attached yet/);

        assert.match(said(await chat.say('status')), /Evidence: 1 of the 2 files DARS asked for attached; say \*\*evidence\*\* to see which\./);

        // One still missing: still held, naming only that one.
        const stillHeld = said(await chat.say('submit application'));
        assert.match(stillHeld, /not attached yet: CAG \(s251\) support letter\./);
        assert.doesNotMatch(stillHeld, /ethics approval letter/);

        // A "PDF" that is a PNG inside: refused, nothing kept.
        assert.match(await attach(chat, 'cag-letter.pdf', pngBytes, 'CAG letter'), /cag-letter\.pdf is named as a PDF, but its content is not a PDF\. Nothing was kept\./);
        // Over 25 MB: refused with what to do instead.
        const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(25 * 1024 * 1024)]);
        assert.match(await attach(chat, 'cag-scan.pdf', big, 'CAG letter'), /cag-scan\.pdf is larger than 25 MB, the most DARS accepts for one file\. Please send a smaller copy/);

        // The CAG letter as a Word document, sent without words: the bot asks what it is.
        const asked = await attach(chat, 'cag-support.docx', cagLetter);
        assert.match(asked, /What is cag-support\.docx \(\d+ (bytes|KB)\)\?/);
        assert.match(said(await chat.say('CAG (s251) support letter')), /Kept cag-support\.docx as the CAG \(s251\) support letter/);
        // The applicant's own checklist, and a card whose buttons open each file by a link issued to them.
        const checklist = await chat.say('evidence');
        assert.match(said(checklist), /Ethics approval letter: ethics\\_approval \\\[REC\\\]\.pdf \(\d+ bytes\)\n- CAG \(s251\) support letter: cag-support\.docx/);
        const buttons = elementsOf(cardOf(checklist.find((activity) => cardOf(activity)))).filter((element) => element.type === 'Action.OpenUrl') as { title: string; url: string }[];
        assert.deepEqual(buttons.map((button) => button.title), ['Open the ethics approval letter', 'Open the CAG (s251) support letter']);
        for (const [button, bytes] of [[buttons[0]!, ethicsLetter], [buttons[1]!, cagLetter]] as const) {
          assert.equal(holderOf(button.url).p, applicant.aadObjectId, 'issued to the applicant');
          const opened = await fetch(button.url);
          assert.equal(opened.status, 200);
          assert.deepEqual(Buffer.from(await opened.arrayBuffer()), bytes);
        }
      },
    });

    // Submitted (submittedApplication checked the confirmation); the review card lists both files.
    const state = await world.caseState(reference);
    assert.equal(state.status, 'underAcceptanceReview');
    const evidence = state.facts.evidence ?? [];
    assert.deepEqual(evidence.map((file) => [file.kind, file.fileName, file.size, file.sha256]), [
      ['ethicsApproval', 'ethics_approval [REC].pdf', ethicsLetter.length, sha256(ethicsLetter)],
      ['cagSupport', 'cag-support.docx', cagLetter.length, sha256(cagLetter)],
    ]);
    const review = await world.awaitCard(contact, 'application.accept', reference, triage);
    const text = cardText((review.attachments?.[0]?.content ?? {}) as Record<string, unknown>);
    assert.match(text, new RegExp(`Ethics approval letter: ethics_approval \\[REC\\]\\.pdf[\\s\\S]*${ethicsLetter.length} bytes, attached by ${applicant.name}\\. SHA-256 ${sha256(ethicsLetter)}`));
    assert.match(text, new RegExp(`CAG \\(s251\\) support letter: cag-support\\.docx[\\s\\S]*SHA-256 ${sha256(cagLetter)}`));

    // The bytes kept in the database are the bytes sent: their SHA-256 is the one recorded.
    const store = new FileStore(world.database.db);
    for (const [file, sent] of [[evidence[0]!, ethicsLetter], [evidence[1]!, cagLetter]] as const) {
      const kept = await store.read(file.fileId);
      assert.ok(kept, `file ${file.fileName} is stored`);
      assert.equal(sha256(kept.bytes), file.sha256);
      assert.deepEqual(kept.bytes, sent);
    }
    attached = { reference, file: evidence[0]!, bytes: ethicsLetter };
    reviewed = { reference, files: [{ record: evidence[0]!, bytes: ethicsLetter }, { record: evidence[1]!, bytes: cagLetter }] };
  });

  it('links each file on the review card: staff open exactly the bytes whose SHA-256 the card shows; outsiders, forged and expired links are refused alike', async () => {
    assert.ok(reviewed, 'the case of the first test');
    const { reference, files: sent } = reviewed;
    const { contact, pag } = cast;
    const base = `http://127.0.0.1:${world.bot.port}/documents/`;
    const secret = await keptSecret(world.database.db, 'documentLinks');
    const link = (holder: DocumentHolder, record: EvidenceFileRecord, expiresAt = new Date(Date.now() + 3_600_000)) =>
      `${base}${issueDocumentToken({ ...holder, caseId: reference, documentHash: record.sha256, fileId: record.fileId, expiresAt }, secret)}`;
    const refused = async (url: string, status: number, what: string) => {
      const response = await fetch(url);
      assert.equal(response.status, status, what);
      assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8', what);
      const text = await response.text();
      for (const detail of [reference, 'ethics', 'cag', sent[0]!.record.sha256]) assert.ok(!text.toLowerCase().includes(detail.toLowerCase()), `${what}: says nothing of the case`);
      return text;
    };

    // The card as posted in the triage channel: its links are granted to the channel's role (DARS staff).
    const posted = cardOf(await world.awaitCard(contact, 'application.accept', reference, triage))!;
    // The same card as Teams refreshes it for the DARS contact: links issued to her.
    const refreshed = cardOf(await world.refresh(contact, await world.awaitCard(contact, 'application.accept', reference, triage)))!;
    const expected = [
      { title: 'Open the ethics approval letter', type: 'application/pdf', disposition: 'inline; filename="ethics_approval [REC].pdf"; filename*=UTF-8\'\'ethics_approval%20%5BREC%5D.pdf' },
      { title: 'Open the CAG (s251) support letter', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: 'attachment; filename="cag-support.docx"; filename*=UTF-8\'\'cag-support.docx' },
    ];
    for (const [i, { record, bytes }] of sent.entries()) {
      for (const [card, holder] of [[posted, { r: 'staff' }], [refreshed, { p: contact.aadObjectId }]] as const) {
        const { title, url, shownSha256 } = fileOnCard(card, record.fileId);
        assert.equal(title, expected[i]!.title);
        assert.deepEqual({ ...holderOf(url), e: undefined }, { c: reference, h: record.sha256, f: record.fileId, ...holder, e: undefined }, 'the link names the case, the file and its holder');
        const response = await fetch(url);
        assert.equal(response.status, 200, `${record.fileName} by ${JSON.stringify(holder)}`);
        assert.equal(response.headers.get('content-type'), expected[i]!.type);
        assert.equal(response.headers.get('content-disposition'), expected[i]!.disposition);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        const got = Buffer.from(await response.arrayBuffer());
        assert.equal(sha256(got), shownSha256, 'the bytes are the ones whose SHA-256 the card shows');
        assert.deepEqual(got, bytes);
      }
    }

    const ethics = sent[0]!.record;
    // PAG has no part in this case yet: a link issued to a PAG member, or to the PAG channel's role, opens nothing.
    const outsider = await refused(link({ personId: pag.aadObjectId }, ethics), 404, 'a link for someone not on the case');
    assert.equal(await refused(link({ role: 'pag' }, ethics), 404, 'a link for a channel role that may not read the case'), outsider);
    // Forged: the contact's link re-addressed to PAG, or to the other file, keeps a signature that no longer matches.
    const contactsLink = fileOnCard(refreshed, ethics.fileId).url;
    const [payload, signature] = contactsLink.split('/documents/')[1]!.split('.');
    const fields = holderOf(contactsLink);
    for (const forged of [{ ...fields, p: pag.aadObjectId }, { ...fields, f: sent[1]!.record.fileId, h: sent[1]!.record.sha256 }]) {
      assert.equal(await refused(`${base}${Buffer.from(JSON.stringify(forged), 'utf8').toString('base64url')}.${signature}`, 404, 'a forged link'), outsider);
    }
    assert.equal(await refused(`${base}${payload}.${'A'.repeat(signature!.length)}`, 404, 'a forged signature'), outsider);
    assert.match(await refused(link({ personId: contact.aadObjectId }, ethics, new Date(Date.now() - 1000)), 410, 'an expired link'), /expired/);
    // A file id that is not the case's (another case's file, or made up) is not served, even to staff.
    assert.equal((await fetch(link({ role: 'staff' }, { ...ethics, fileId: 'not-a-file-of-this-case' }))).status, 410);
  });

  it('gives the applicant a copy through Teams file consent (accept uploads the kept bytes; decline and outsiders get nothing)', async () => {
    assert.ok(attached, 'the case of the test before');
    const { reference, file, bytes } = attached;
    const uploads: Buffer[] = [];
    const oneDrive = createServer((request, response) => {
      const parts: Buffer[] = [];
      request.on('data', (part: Buffer) => parts.push(part));
      request.on('end', () => {
        if (request.method === 'PUT') uploads.push(Buffer.concat(parts));
        response.writeHead(201);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => oneDrive.listen(0, '127.0.0.1', resolve));
    try {
      const uploadUrl = `http://127.0.0.1:${(oneDrive.address() as AddressInfo).port}/upload/session-1`;
      const consent = (action: 'accept' | 'decline') => ({
        type: 'invoke',
        name: 'fileConsent/invoke',
        value: {
          type: 'fileUpload', action, context: { fileId: file.fileId, caseReference: reference },
          ...(action === 'accept' ? { uploadInfo: { name: file.fileName, uploadUrl, contentUrl: 'https://onedrive.example/ethics.pdf', uniqueId: 'u-1', fileType: 'pdf' } } : {}),
        },
      });

      // Someone not on the case: nothing uploaded, and the answer says nothing about the case.
      const outsider = await world.chat(cast.pag).post(consent('accept'));
      assert.equal(outsider.status, 200);
      assert.match(said(outsider.sent), /I cannot send that file: it is not one you can see\./);
      assert.equal(uploads.length, 0);

      const declined = await world.chat(cast.applicant).post(consent('decline'));
      assert.equal(declined.status, 200);
      assert.match(said(declined.sent), /the file was not sent/);
      assert.equal(uploads.length, 0);

      const accepted = await world.chat(cast.applicant).post(consent('accept'));
      assert.equal(accepted.status, 200);
      assert.equal(uploads.length, 1);
      assert.equal(sha256(uploads[0]!), file.sha256);
      assert.deepEqual(uploads[0], bytes);
      assert.equal(accepted.sent.at(-1)?.attachments?.[0]?.contentType, 'application/vnd.microsoft.teams.card.file.info');
    } finally {
      await new Promise((resolve) => oneDrive.close(resolve));
    }
  });
});
