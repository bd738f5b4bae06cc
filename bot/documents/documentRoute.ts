import type { Request, Response } from 'restify';

import { serviceAgreementDocument, serviceAgreementText } from '../../services/domain/access/serviceAgreement';
import type { CaseLog } from '../../services/storage/cases/caseLog';
import { contentDisposition } from '../../services/domain/documents/contentDisposition';
import { readDocumentToken, type DocumentGrant } from '../../services/domain/documents/documentLinkToken';
import { currentDsaDocument, type DsaDocumentStore } from '../../services/storage/dsa/dsaDocumentStore';
import type { SignedRecordStore } from '../../services/storage/dsa/signedRecordStore';
import type { FileStore } from '../../services/storage/evidence/fileStore';
import { claimedFileType, contentIs, contentTypes } from '../../services/domain/evidence/fileType';
import { canRead, foldCase, type CaseRole, type CaseState } from '../../services/domain/workflow';
import { describeError, type Logger } from '../runtime/logger';

/**
 * GET /documents/:token — the bot hands a person the document a card asked them to sign or
 * review, or a file the applicant sent (bot/documents/documentLinks.ts issues the links). The token is
 * checked first (signature, then expiry); then, against the case as stored now, that the person
 * it names — or, for a card posted to a channel, the channel's role — may still read the case
 * (`canRead`: someone removed from the case is refused even with a valid link) and that the
 * document it names is still the case's. Every refusal is a short plain sentence that says
 * nothing about the case: a link that is not ours, a case that does not exist and a case the
 * holder may not read all get the same 404.
 */

export interface DocumentServing {
  readonly secret: string;
  readonly log: CaseLog;
  readonly dsaDocuments: DsaDocumentStore;
  /** The signed documents of record (bot/delivery/signedCopies.ts). */
  readonly signedDocuments: SignedRecordStore;
  /** The files people sent (evidence, cohort files). */
  readonly files: FileStore;
  /** The person's roles on this case (directory roles plus the case's own), as cards are rendered for. */
  readonly rolesOf: (state: CaseState, personId: string) => Promise<readonly CaseRole[]>;
  readonly logger: Logger;
  readonly clock?: () => Date;
}

interface ServedDocument {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** The whole header: our own names as they are, people's through `contentDisposition`. */
  readonly disposition: string;
}

const notFound = 'This link does not open a document. Ask DARS for a new one, or open the card in Teams again.';
const expired = 'This link has expired. Open the card in Teams again for a new link.';
const replaced = 'This document has been replaced. Open the card in Teams again for the current one.';

export function documentRoute(serving: DocumentServing) {
  return async (req: Request, res: Response): Promise<void> => {
    const token = String((req.params as Record<string, unknown> | undefined)?.token ?? '');
    const reading = readDocumentToken(token, serving.secret, (serving.clock ?? (() => new Date()))());
    if (!reading.ok) return plain(res, reading.reason === 'expired' ? 410 : 404, reading.reason === 'expired' ? expired : notFound);
    const { caseId, documentHash } = reading.grant;
    try {
      const state = foldCase((await serving.log.load(caseId)).events);
      if (!state || !canRead(state, await holderRoles(serving, state, reading.grant))) {
        serving.logger.warn('document link refused: the holder may not read the case', { caseRef: caseId });
        return plain(res, 404, notFound);
      }
      const document = reading.grant.fileId
        ? await fileOfCase(serving, caseId, state, reading.grant.fileId, documentHash)
        : await documentOfCase(serving, caseId, state, documentHash);
      if (!document) return plain(res, 410, replaced);
      res.writeHead(200, {
        'Content-Type': document.contentType,
        'Content-Length': document.bytes.length,
        'Content-Disposition': document.disposition,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      });
      res.end(document.bytes);
    } catch (error) {
      serving.logger.error('document link failed', { caseRef: caseId, error: describeError(error) });
      return plain(res, 500, 'Sorry, the document could not be opened. Please try again later.');
    }
  };
}

/**
 * The document of the case with this SHA-256, if it is still one of the case's: the current DSA,
 * the service agreement to sign, or a signed copy of record of what the case says was signed.
 */
async function documentOfCase(serving: DocumentServing, caseId: string, state: CaseState, documentHash: string): Promise<ServedDocument | undefined> {
  const dsa = state.facts.dsa;
  if (dsa && dsa.contentHash === documentHash) {
    const rendered = await currentDsaDocument(serving.dsaDocuments, caseId, state);
    return { bytes: rendered.pdf, contentType: 'application/pdf', disposition: inlineNamed(rendered.fileName) };
  }
  if (state.facts.access?.serviceAgreement?.required && documentHash === serviceAgreementDocument.contentHash) {
    // The service agreement is its text (its SHA-256 is the text's, in UTF-8), served as it is hashed.
    return { bytes: Buffer.from(serviceAgreementText, 'utf8'), contentType: 'text/plain; charset=utf-8', disposition: inlineNamed('Service-Agreement-v1.txt') };
  }
  const record = await serving.signedDocuments.load(caseId, documentHash);
  const signedHash = record?.kind === 'dsa' ? (dsa?.executed ? dsa.contentHash : undefined) : state.facts.access?.serviceAgreement.signed?.documentHash;
  if (record && record.signedHash === signedHash) return { bytes: record.pdf, contentType: 'application/pdf', disposition: inlineNamed(record.fileName) };
  return undefined;
}

/** A person's own roles on the case, or the one role a channel card's link was granted to. */
async function holderRoles(serving: DocumentServing, state: CaseState, grant: DocumentGrant): Promise<readonly CaseRole[]> {
  return grant.personId !== undefined ? serving.rolesOf(state, grant.personId) : [grant.role];
}

/**
 * A file the case records (evidence attached, a cohort file received) under this id and SHA-256,
 * read from the file store, which checks the bytes against the hash again. Its type is judged
 * again by content against its name (as when it was accepted): a type the bot did not check is
 * sent as bytes to save, never for the browser to render.
 */
async function fileOfCase(serving: DocumentServing, caseId: string, state: CaseState, fileId: string, sha256: string): Promise<ServedDocument | undefined> {
  const recorded = (state.facts.evidence ?? []).some((file) => file.fileId === fileId && file.sha256 === sha256)
    || (state.facts.access?.cohortFile.files ?? []).some((file) => file.fileId === fileId && file.contentHash === sha256);
  if (!recorded) return undefined;
  const kept = await serving.files.read(fileId);
  if (!kept || kept.file.caseReference !== caseId || kept.file.sha256 !== sha256) return undefined;
  const type = claimedFileType(kept.file.fileName);
  const checked = type && (await contentIs(type, kept.bytes)) ? type : undefined;
  const viewable = checked === 'pdf' || checked === 'png' || checked === 'jpeg';
  return {
    bytes: kept.bytes,
    contentType: checked ? contentTypes[checked] : 'application/octet-stream',
    disposition: contentDisposition(viewable ? 'inline' : 'attachment', kept.file.fileName),
  };
}

/** Names the bot made itself (NIC numbers, fixed words), kept to safe characters all the same. */
function inlineNamed(name: string): string {
  return `inline; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

function plain(res: Response, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(message);
}
