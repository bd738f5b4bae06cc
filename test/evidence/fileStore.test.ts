import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';

import JSZip from 'jszip';

import { chunkBytes, FileStore } from '../../services/storage/evidence/fileStore';
import { claimedFileType, contentIs } from '../../services/domain/evidence/fileType';
import { freshDatabase } from '../support/testDatabase';

/**
 * The file store on the real test server (FerretDB, or MongoDB): a file larger than one chunk is
 * split into chunk documents of at most 255 KB and read back byte for byte; a chunk altered in
 * the database is caught by the SHA-256 check rather than served.
 */
describe('the file store', () => {
  let db: ReturnType<typeof freshDatabase>['db'];
  let store: FileStore;

  before(async () => {
    db = freshDatabase('fileStore').db;
    store = new FileStore(db);
    await store.ensureIndexes();
  });

  it('keeps a 3 MB file as chunks of at most 255 KB and reads back the same bytes', async () => {
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const kept = await store.keep({ fileName: 'scan.pdf', contentType: 'application/pdf', bytes, caseReference: 'DARS-2026-00001', sentBy: 'someone', purpose: 'evidence' });
    assert.equal(kept.size, bytes.length);
    assert.equal(kept.sha256, createHash('sha256').update(bytes).digest('hex'));
    const chunks = await db.collection('storedFileChunks').find({ fileId: kept._id }).toArray();
    assert.equal(chunks.length, Math.ceil(bytes.length / chunkBytes));
    assert.ok(chunks.every((chunk) => (chunk.data as { length(): number }).length() <= 255 * 1024));
    const read = await store.read(kept._id);
    assert.ok(read);
    assert.ok(read.bytes.equals(bytes));
  });

  it('refuses to serve a file whose stored bytes no longer match their SHA-256', async () => {
    const kept = await store.keep({ fileName: 'letter.pdf', contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7 a letter'), caseReference: 'DARS-2026-00001', sentBy: 'someone', purpose: 'evidence' });
    await db.collection('storedFileChunks').deleteOne({ _id: `${kept._id}:0` } as never);
    await db.collection('storedFileChunks').insertOne({ _id: `${kept._id}:0`, fileId: kept._id, n: 0, data: Buffer.from('%PDF-1.7 a forgery') } as never);
    await assert.rejects(store.read(kept._id), /does not match its recorded SHA-256/);
    assert.equal(await store.read('no-such-file'), undefined);
  });
});

describe('file types by content', () => {
  it('knows the claimed type from the name, and checks it against the bytes', async () => {
    assert.equal(claimedFileType('Letter.PDF'), 'pdf');
    assert.equal(claimedFileType('photo.jpg'), 'jpeg');
    assert.equal(claimedFileType('notes.txt'), undefined);
    assert.equal(await contentIs('pdf', Buffer.from('%PDF-1.4\n')), true);
    assert.equal(await contentIs('pdf', Buffer.from('<html>')), false);
    assert.equal(await contentIs('jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])), true);
    assert.equal(await contentIs('png', Buffer.from([0xff, 0xd8, 0xff, 0xe0])), false);
    assert.equal(await contentIs('csv', Buffer.from('A,B\n1,2\n')), true);
    assert.equal(await contentIs('csv', Buffer.from([0x41, 0x00, 0x42])), false, 'binary is not CSV');
    assert.equal(await contentIs('csv', Buffer.from([0xc3, 0x28])), false, 'invalid UTF-8 is not CSV');
  });

  it('takes as DOCX only a zip holding word/document.xml', async () => {
    const word = new JSZip();
    word.file('word/document.xml', '<w:document/>');
    const sheet = new JSZip();
    sheet.file('xl/workbook.xml', '<workbook/>');
    assert.equal(await contentIs('docx', await word.generateAsync({ type: 'nodebuffer' })), true);
    assert.equal(await contentIs('docx', await sheet.generateAsync({ type: 'nodebuffer' })), false);
    assert.equal(await contentIs('docx', Buffer.from('PK\u0003\u0004 broken')), false);
  });
});
