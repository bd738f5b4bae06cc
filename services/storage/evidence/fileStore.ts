import { createHash, randomUUID } from 'node:crypto';

import { Binary, type Collection, type Db } from 'mongodb';

import { createIndexesOneByOne } from '../database/indexes';

/**
 * Files people send (evidence, cohort files), kept whole in MongoDB: the bytes in chunk
 * documents of at most 255 KB, then one file document that names them. GridFS's layout, written
 * by hand because every write here is an insert with its own `_id` — no updates, which FerretDB
 * 1.24 applies without locks — and the file document is inserted last, so a file is only ever
 * found complete: a crash part-way leaves orphan chunks nobody can name, never a short file.
 * The SHA-256 is computed here from the bytes stored, and checked again on every read.
 */
export const chunkBytes = 255 * 1024;

export interface StoredFile {
  readonly _id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly sha256: string;
  readonly chunks: number;
  /** The case it was sent for, and who sent it (Entra object id). */
  readonly caseReference: string;
  readonly sentBy: string;
  readonly storedAt: Date;
  /** What it is for: evidence or a cohort file. */
  readonly purpose: 'evidence' | 'cohortFile';
}

interface FileChunk {
  readonly _id: string;
  readonly fileId: string;
  readonly n: number;
  readonly data: Binary;
}

export type FileToKeep = Pick<StoredFile, 'fileName' | 'contentType' | 'caseReference' | 'sentBy' | 'purpose'> & { readonly bytes: Buffer };

export class FileStore {
  private readonly files: Collection<StoredFile>;
  private readonly chunks: Collection<FileChunk>;

  constructor(db: Db, private readonly now: () => Date = () => new Date()) {
    this.files = db.collection<StoredFile>('storedFiles');
    this.chunks = db.collection<FileChunk>('storedFileChunks');
  }

  /** Both collections are made at start, so no turn creates one (FerretDB races on that). */
  async ensureIndexes(): Promise<void> {
    await createIndexesOneByOne(this.files, [{ key: { caseReference: 1 }, name: 'filesOfCase' }]);
    await createIndexesOneByOne(this.chunks, [{ key: { fileId: 1, n: 1 }, name: 'fileChunksInOrder' }]);
  }

  async keep(file: FileToKeep): Promise<StoredFile> {
    const fileId = randomUUID();
    const count = Math.max(1, Math.ceil(file.bytes.length / chunkBytes));
    const chunks: FileChunk[] = Array.from({ length: count }, (_, n) => ({
      _id: `${fileId}:${n}`,
      fileId,
      n,
      data: new Binary(file.bytes.subarray(n * chunkBytes, (n + 1) * chunkBytes)),
    }));
    // A few chunks per insert keeps each message far below the server's limits.
    for (let i = 0; i < chunks.length; i += 16) await this.chunks.insertMany(chunks.slice(i, i + 16), { ordered: true });
    const stored: StoredFile = {
      _id: fileId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.bytes.length,
      sha256: sha256Of(file.bytes),
      chunks: count,
      caseReference: file.caseReference,
      sentBy: file.sentBy,
      storedAt: this.now(),
      purpose: file.purpose,
    };
    await this.files.insertOne(stored);
    return stored;
  }

  async describe(fileId: string): Promise<StoredFile | undefined> {
    return (await this.files.findOne({ _id: fileId })) ?? undefined;
  }

  /**
   * The file's bytes, checked against the hash recorded when it was stored. The seam for the
   * signed-link server: it authorises the reader on the case, then serves these bytes.
   */
  async read(fileId: string): Promise<{ file: StoredFile; bytes: Buffer } | undefined> {
    const file = await this.describe(fileId);
    if (!file) return undefined;
    const parts = await this.chunks.find({ fileId }).sort({ n: 1 }).toArray();
    const bytes = Buffer.concat(parts.map((part) => Buffer.from(part.data.buffer)));
    if (parts.length !== file.chunks || sha256Of(bytes) !== file.sha256) throw new Error(`stored file ${fileId} does not match its recorded SHA-256`);
    return { file, bytes };
  }
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
