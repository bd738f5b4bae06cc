import type { DocumentLink } from '../../cards/frame/cardViewer';
import { serviceAgreementDocument } from '../../services/domain/access/serviceAgreement';
import { issueDocumentToken, type DocumentHolder } from '../../services/domain/documents/documentLinkToken';
import type { StepLedger } from '../../services/integrations/dsa/signatureLedger';
import { stepId } from '../../services/domain/dsa/signatureSteps';
import { uploadResultSchema } from '../../services/domain/dsa/signatureSteps';
import { fileCopyResultSchema, fileCopyStepId } from '../../services/integrations/evidence/fileCopies';
import type { CaseState } from '../../services/domain/workflow';
import { type CardName } from '../../cards/caseCards';
import { evidenceChecklist } from '../../services/domain/workflow/state/evidenceChecklist';

/**
 * The link on a card that opens the very document the card asks someone to sign or review
 * (issue 10, "the document in their hands"). With Microsoft Graph, the DSA's SharePoint address
 * as recorded by the upload step of its signature request (shared read-only with each
 * signatory), once it is uploaded; otherwise — and for the service agreement — a link to the
 * bot's own `GET /documents/:token` (bot/documents/documentRoute.ts), issued to this person for this
 * document's SHA-256 and expiring, re-issued each time the card is rendered.
 */

export interface DocumentLinkSettings {
  readonly secret: string;
  /** The bot's public address, without a trailing slash; undefined when it has none to give (Graph without PUBLIC_BASE_URL). */
  readonly baseUrl: () => string | undefined;
  readonly lifetimeMs: number;
  /** With Graph: the signature steps' ledger, whose upload step holds the SharePoint address. */
  readonly sharePoint?: StepLedger;
  readonly clock?: () => Date;
}

/** The document a card is about, if it has one to open. */
export function documentOnCard(card: CardName, state: CaseState): { hash: string; kind: 'dsa' | 'serviceAgreement'; dsaVersion?: number } | undefined {
  const dsa = state.facts.dsa;
  if ((card === 'dsaSignature' || card === 'dsa') && dsa) return { hash: dsa.contentHash, kind: 'dsa', dsaVersion: dsa.dsaVersion };
  if (card === 'serviceAgreementSignature' && state.facts.access?.serviceAgreement?.required) return { hash: serviceAgreementDocument.contentHash, kind: 'serviceAgreement' };
  return undefined;
}

interface KeptFileRef {
  readonly fileId: string;
  readonly sha256: string;
}

/** The kept files a card lists, each with the SHA-256 the card shows for it. */
export function filesOnCard(card: CardName, state: CaseState): KeptFileRef[] {
  if (card === 'applicationReview' || card === 'review') {
    return evidenceChecklist(state).flatMap((item) => (item.file ? [{ fileId: item.file.fileId, sha256: item.file.sha256 }] : []));
  }
  if (card === 'cohortFile') {
    return (state.facts.access?.cohortFile.files ?? []).flatMap((file) => (file.fileId ? [{ fileId: file.fileId, sha256: file.contentHash }] : []));
  }
  return [];
}

export class DocumentLinks {
  constructor(private readonly settings: DocumentLinkSettings) {}

  async forCard(card: CardName, state: CaseState, personId: string): Promise<DocumentLink | undefined> {
    const document = documentOnCard(card, state);
    if (!document || personId === '') return undefined;
    const title = document.kind === 'dsa' ? 'Open the DSA (PDF)' : 'Open the service agreement';
    if (document.kind === 'dsa' && this.settings.sharePoint && document.dsaVersion !== undefined) {
      const upload = await this.settings.sharePoint.completed(stepId({ caseId: state.reference, dsaVersion: document.dsaVersion }, 'upload'), uploadResultSchema);
      if (upload && upload.sha256 === document.hash) return { url: upload.webUrl, title };
    }
    const url = this.served(state.reference, document.hash, personId);
    return url ? { url, title } : undefined;
  }

  /**
   * Links to the files people sent that the card lists (evidence on the review cards, cohort files
   * on the cohort file card), by file id: the SharePoint copy once filed there (bot/delivery/fileCopyDelivery.ts)
   * and its bytes hash to what the case recorded, else the bot's own link for this holder.
   */
  forFiles(card: CardName, state: CaseState, holder: DocumentHolder): Promise<Record<string, string>> {
    return this.fileLinks(state.reference, filesOnCard(card, state), holder, true);
  }

  /**
   * The applicant's own evidence checklist in chat: always the bot's own links, issued to them.
   * SharePoint is NHS England's, where an applicant from another organisation has no access.
   */
  forApplicantEvidence(state: CaseState, personId: string): Promise<Record<string, string>> {
    return this.fileLinks(state.reference, filesOnCard('applicationReview', state), { personId }, false);
  }

  private async fileLinks(caseId: string, files: readonly KeptFileRef[], holder: DocumentHolder, sharePointFirst: boolean): Promise<Record<string, string>> {
    const links: Record<string, string> = {};
    for (const file of files) {
      const copy = sharePointFirst && this.settings.sharePoint ? await this.settings.sharePoint.completed(fileCopyStepId(caseId, file.fileId), fileCopyResultSchema) : undefined;
      const url = copy && copy.sha256 === file.sha256 ? copy.webUrl : this.served(caseId, file.sha256, holder, file.fileId);
      if (url) links[file.fileId] = url;
    }
    return links;
  }

  /** A link to the bot's own copy of a document of the case, for this person (or a channel's role) only. */
  served(caseId: string, documentHash: string, holder: string | DocumentHolder, fileId?: string): string | undefined {
    const base = this.settings.baseUrl();
    if (!base) return undefined;
    const now = (this.settings.clock ?? (() => new Date()))();
    const who: DocumentHolder = typeof holder === 'string' ? { personId: holder } : holder;
    if (who.personId === '') return undefined;
    const token = issueDocumentToken({ ...who, caseId, documentHash, ...(fileId ? { fileId } : {}), expiresAt: new Date(now.getTime() + this.settings.lifetimeMs) }, this.settings.secret);
    return `${base}/documents/${token}`;
  }
}
