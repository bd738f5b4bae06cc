import { Binary, type Collection, type Db } from 'mongodb';

import { isDuplicateKey } from '../database/duplicateKey';
import type { CaseState } from '../../domain/workflow';
import type { DsaContentOptions } from '../../domain/dsa/dsaContent';
import { renderDsaDocument, sha256Of, type RenderedDsa } from '../../domain/dsa/dsaDocument';

/**
 * The DSA documents as generated, kept by their SHA-256. Rendering is deterministic, but a later
 * release (a new pdfkit, a reworded clause) would render other bytes; the signatories must be
 * shown the very document whose hash the case recorded, so the bytes are kept. Insert-only: the
 * `_id` is `<caseId>#<sha256>`, and storing the same document twice is a no-op.
 */

interface StoredDsa {
  _id: string;
  caseId: string;
  sha256: string;
  dsaVersion: number;
  fileName: string;
  pdf: Binary;
  storedAt: Date;
}

export class DsaDocumentStore {
  private readonly documents: Collection<StoredDsa>;

  constructor(db: Db) {
    this.documents = db.collection<StoredDsa>('dsaDocuments');
  }

  /** Creates the collection at start, with the index that lists a case's versions. */
  async ensureIndexes(): Promise<void> {
    await this.documents.createIndex({ caseId: 1, dsaVersion: 1 }, { name: 'caseVersions' });
  }

  async save(caseId: string, document: RenderedDsa, now = new Date()): Promise<void> {
    try {
      await this.documents.insertOne({
        _id: `${caseId}#${document.sha256}`,
        caseId,
        sha256: document.sha256,
        dsaVersion: document.dsaVersion,
        fileName: document.fileName,
        pdf: new Binary(document.pdf),
        storedAt: now,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error; // the same hash is the same document
    }
  }

  async load(caseId: string, sha256: string): Promise<RenderedDsa | undefined> {
    const stored = await this.documents.findOne({ _id: `${caseId}#${sha256}` });
    if (!stored) return undefined;
    const pdf = Buffer.from(stored.pdf.buffer);
    // A stored document is only ever served as the one its hash names.
    if (sha256Of(pdf) !== sha256) throw new Error(`The stored DSA ${stored.fileName} for ${caseId} does not match its SHA-256`);
    return { pdf, sha256, fileName: stored.fileName, dsaVersion: stored.dsaVersion };
  }
}

/**
 * The case's current DSA document: the stored bytes, or (for a document generated before the
 * store existed) rendered again, provided the bytes still hash to what the case recorded.
 */
export async function currentDsaDocument(store: DsaDocumentStore, caseId: string, state: CaseState, options: Omit<DsaContentOptions, 'terms'> = {}): Promise<RenderedDsa> {
  const dsa = state.facts.dsa;
  if (!dsa) throw new Error(`${state.reference} has no DSA yet`);
  const stored = await store.load(caseId, dsa.contentHash);
  if (stored) return stored;
  const rendered = await renderDsaDocument(state, options);
  if (rendered.sha256 !== dsa.contentHash) {
    throw new Error(`DSA version ${dsa.dsaVersion} of ${state.reference} cannot be reproduced: its SHA-256 differs from the one recorded`);
  }
  await store.save(caseId, rendered);
  return rendered;
}
