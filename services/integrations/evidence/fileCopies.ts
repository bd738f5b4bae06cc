import type { Client } from '@microsoft/microsoft-graph-client';

import type { ClaimOutcome } from '../../storage/delivery/claimLedger';
import { uploadToDocumentLibrary } from '../graph/documentLibrary';
import type { StepLedger } from '../dsa/signatureLedger';
import { uploadResultSchema, type UploadResult } from '../../domain/dsa/signatureSteps';
import type { FileStore } from '../../storage/evidence/fileStore';

/**
 * A file someone sent (evidence, a cohort file) filed in SharePoint beside the case's DSA, with
 * Microsoft Graph: one upload per file, claimed and recorded on the same step ledger as the DSA's
 * signature steps, so a throttled or failed upload is retried by the delivery road (its
 * `copyFileToLibrary` outbox entry comes back at the step's "retry at") and never done twice.
 * The bytes are the file store's, checked against the SHA-256 the case recorded before upload:
 * what is filed is exactly what the card names.
 */

/** The ledger id of a file's upload: one per file of a case. */
export function fileCopyStepId(caseId: string, fileId: string): string {
  return `${caseId}#file:${fileId}#upload`;
}

/** The upload's record: the SharePoint item, its address, and the SHA-256 of the bytes uploaded. */
export const fileCopyResultSchema = uploadResultSchema;

export interface FileLibrary {
  readonly client: Client;
  readonly driveId: string;
  /** The library folder the DSAs are kept in (`SHAREPOINT_DSA_FOLDER`); each case's files go under `<folder>/<case reference>/Files`. */
  readonly folder: string;
}

export interface FileCopyRequest {
  readonly caseId: string;
  readonly fileId: string;
  readonly sha256: string;
}

export async function copyFileToLibrary(ledger: StepLedger, library: FileLibrary, store: FileStore, request: FileCopyRequest): Promise<ClaimOutcome<UploadResult>> {
  return ledger.run({ id: fileCopyStepId(request.caseId, request.fileId), caseId: request.caseId }, fileCopyResultSchema, async () => {
    const kept = await store.read(request.fileId);
    if (!kept || kept.file.caseReference !== request.caseId || kept.file.sha256 !== request.sha256) throw new FileMismatch(request);
    const item = await uploadToDocumentLibrary(library.client, {
      driveId: library.driveId,
      folder: `${library.folder}/${request.caseId}/Files`,
      fileName: libraryFileName(kept.file.purpose, request.fileId, kept.file.fileName),
      content: kept.bytes,
    });
    return { kind: 'done', result: { itemId: item.id, webUrl: item.webUrl, sha256: kept.file.sha256 } };
  });
}

/**
 * The name in the library: the file's id first, so two files sent under one name never replace
 * each other (an upload to an existing path replaces it), then the sender's name with what
 * SharePoint refuses (" * : < > ? / \ | # % and control characters) made `_`.
 */
export function libraryFileName(purpose: 'evidence' | 'cohortFile', fileId: string, fileName: string): string {
  const safe = fileName.replace(/["*:<>?/\\|#%]/g, '_').replace(/\p{Cc}/gu, '_').replace(/^[\s.]+|[\s.]+$/g, '').slice(0, 150) || 'file';
  return `${purpose === 'cohortFile' ? 'cohort' : 'evidence'}-${fileId.slice(0, 8)}-${safe}`;
}

/** Never file bytes other than the ones the case recorded: not transient, so the road waits the longest backoff. */
export class FileMismatch extends Error {
  constructor(request: FileCopyRequest) {
    super(`The kept file ${request.fileId} of ${request.caseId} is missing or does not hash to ${request.sha256}; it was not copied`);
    this.name = 'DocumentMismatch';
  }
}
