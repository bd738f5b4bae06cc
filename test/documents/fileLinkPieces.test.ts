import assert from 'node:assert/strict';

import { contentDisposition } from '../../services/domain/documents/contentDisposition';
import { issueDocumentToken, readDocumentToken } from '../../services/domain/documents/documentLinkToken';
import { libraryFileName } from '../../services/integrations/evidence/fileCopies';

/**
 * The pieces of a link to a file someone sent: the header that carries their file name, the
 * token that grants it to a person or a channel's role, and the name it is filed under in
 * SharePoint. The file name is the applicant's words: none of it may end or add a header.
 */
describe('file links: names and grants', () => {
  it('keeps an applicant’s file name inside Content-Disposition, whatever it holds', () => {
    assert.equal(contentDisposition('inline', 'ethics_approval [REC].pdf'), 'inline; filename="ethics_approval [REC].pdf"; filename*=UTF-8\'\'ethics_approval%20%5BREC%5D.pdf');
    const hostile = contentDisposition('attachment', 'a"; filename="evil.exe\r\nSet-Cookie: x=1\\..\\\ud800.docx');
    assert.doesNotMatch(hostile, /[\r\n]/, 'no line breaks: no header can be added');
    assert.equal(hostile.split('"').length, 3, 'one quoted name, nothing breaks out of it');
    assert.match(hostile, /^attachment; filename="[A-Za-z0-9 ._()[\]-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    assert.match(contentDisposition('inline', 'lettre été.pdf'), /filename\*=UTF-8''lettre%20%C3%A9t%C3%A9\.pdf$/);
    assert.equal(contentDisposition('inline', '  \r\n '), 'inline; filename="file"; filename*=UTF-8\'\'file');
  });

  it('grants a link to a person or to a channel’s role, never both, and binds the file id', () => {
    const secret = 'x'.repeat(40);
    const expiresAt = new Date(Date.now() + 60_000);
    const base = { caseId: 'DARS-2026-00001', documentHash: 'a'.repeat(64), fileId: 'f-1', expiresAt };
    const byRole = readDocumentToken(issueDocumentToken({ ...base, role: 'pag' }, secret), secret);
    assert.ok(byRole.ok && byRole.grant.role === 'pag' && byRole.grant.personId === undefined && byRole.grant.fileId === 'f-1');
    const byPerson = readDocumentToken(issueDocumentToken({ ...base, personId: 'p-1' }, secret), secret);
    assert.ok(byPerson.ok && byPerson.grant.personId === 'p-1' && byPerson.grant.role === undefined);
    // A payload naming both (or neither) is not a token of ours, even correctly signed.
    const both = Buffer.from(JSON.stringify({ c: base.caseId, h: base.documentHash, p: 'p-1', r: 'staff', e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
    const signed = issueDocumentToken({ ...base, personId: 'p-1' }, secret);
    assert.deepEqual(readDocumentToken(`${both}.${signed.split('.')[1]}`, secret), { ok: false, reason: 'invalid' });
  });

  it('files each file under its own id in SharePoint, with the characters SharePoint refuses replaced', () => {
    assert.equal(libraryFileName('evidence', '0123456789abcdef', 'cag: letter?.pdf'), 'evidence-01234567-cag_ letter_.pdf');
    assert.equal(libraryFileName('cohortFile', 'fedcba9876543210', 'NIC-1_cohort.csv'), 'cohort-fedcba98-NIC-1_cohort.csv');
    assert.equal(libraryFileName('evidence', '0123456789abcdef', ' ..'), 'evidence-01234567-file');
  });
});
