import { copyFileToLibrary, type FileLibrary } from '../../services/integrations/evidence/fileCopies';
import type { FileStore } from '../../services/storage/evidence/fileStore';
import { retryAt, type DeliveryResult } from '../../services/domain/delivery/deliveryResult';
import type { StepLedger } from '../../services/integrations/dsa/signatureLedger';
import type { CaseState } from '../../services/domain/workflow';
import { type CardName } from '../../cards/caseCards';

/**
 * The delivery of a `copyFileToLibrary` outbox entry. With Microsoft Graph: the file is uploaded
 * to the case's SharePoint folder once (services/integrations/evidence/fileCopies.ts, on the signature
 * steps' ledger); an upload that failed, is throttled or is under way elsewhere answers the road
 * with that step's "retry at", so the entry comes back and the copy is not lost. Once the copy is
 * there, the cards that list files are re-rendered so their links open it. Without Graph there is
 * no library: the file store is where the file is kept, and the entry is delivered as it is.
 */
export type FileCopier = (state: CaseState, fileId: string, sha256: string) => Promise<DeliveryResult | 'copied' | 'nothingToDo'>;

/** The cards whose links change once a file is in SharePoint. */
export const cardsListingFiles: readonly CardName[] = ['applicationReview', 'review', 'cohortFile'];

export function fileCopier(library: { ledger: StepLedger; library: FileLibrary } | undefined, store: FileStore): FileCopier {
  return async (state, fileId, sha256) => {
    if (!library) return 'nothingToDo';
    const outcome = await copyFileToLibrary(library.ledger, library.library, store, { caseId: state.reference, fileId, sha256 });
    switch (outcome.kind) {
      case 'done': return 'copied';
      case 'waiting': return retryAt(outcome.until, `copy of file ${fileId} to SharePoint ${outcome.why === 'inProgress' ? 'in progress' : `waiting${outcome.lastError ? ` (${outcome.lastError})` : ''}`}`);
      case 'failed': return retryAt(outcome.retryAt, `copy of file ${fileId} to SharePoint failed: ${outcome.error}`);
    }
  };
}
