import { Binary, type Collection, type Db } from 'mongodb';

import { isDuplicateKey } from '../database/duplicateKey';
import { sha256Of } from '../../domain/dsa/dsaDocument';
import type { SignedDocumentKind, SignedRecord } from '../../domain/dsa/signedRecords';

/**
 * The signed documents of record as sent, kept by their SHA-256 (`signedDocuments`).
 * Insert-only: the `_id` is `<caseId>#<sha256>`, so storing the same record twice — a retried
 * delivery, two bot instances — is a no-op, and nothing is ever rewritten.
 */

interface StoredRecord {
  _id: string;
  caseId: string;
  kind: SignedDocumentKind;
  sha256: string;
  signedHash: string;
  fileName: string;
  pdf: Binary;
  storedAt: Date;
}

export class SignedRecordStore {
  private readonly records: Collection<StoredRecord>;

  constructor(db: Db) {
    this.records = db.collection<StoredRecord>('signedDocuments');
  }

  async ensureIndexes(): Promise<void> {
    await this.records.createIndex({ caseId: 1, kind: 1 }, { name: 'caseRecords' });
  }

  async save(caseId: string, record: SignedRecord, now = new Date()): Promise<void> {
    try {
      await this.records.insertOne({
        _id: `${caseId}#${record.sha256}`, caseId, kind: record.kind, sha256: record.sha256, signedHash: record.signedHash,
        fileName: record.fileName, pdf: new Binary(record.pdf), storedAt: now,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // the same hash is the same record
    }
  }

  async load(caseId: string, sha256: string): Promise<SignedRecord | undefined> {
    const stored = await this.records.findOne({ _id: `${caseId}#${sha256}` });
    if (!stored) return undefined;
    const pdf = Buffer.from(stored.pdf.buffer);
    if (sha256Of(pdf) !== sha256) throw new Error(`The signed record ${stored.fileName} for ${caseId} does not match its SHA-256`);
    return { kind: stored.kind, pdf, sha256, fileName: stored.fileName, signedHash: stored.signedHash };
  }
}
