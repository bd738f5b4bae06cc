import type { DocumentLink } from '../cards/frame/cardViewer';
import { serviceAgreementDocument } from '../services/access/serviceAgreement';
import { issueDocumentToken } from '../services/documents/documentLinkToken';
import { stepId, type StepLedger } from '../services/dsa';
import { uploadResultSchema } from '../services/dsa/signatureSteps';
import type { CardName, CaseState } from '../services/workflow';

/**
 * The link on a card that opens the very document the card asks someone to sign or review
 * (issue 10, "the document in their hands"). With Microsoft Graph, the DSA's SharePoint address
 * as recorded by the upload step of its signature request (shared read-only with each
 * signatory), once it is uploaded; otherwise — and for the service agreement — a link to the
 * bot's own `GET /documents/:token` (bot/documentRoute.ts), issued to this person for this
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

  /** A link to the bot's own copy of a document of the case, for this person only. */
  served(caseId: string, documentHash: string, personId: string): string | undefined {
    const base = this.settings.baseUrl();
    if (!base) return undefined;
    const now = (this.settings.clock ?? (() => new Date()))();
    const token = issueDocumentToken({ caseId, documentHash, personId, expiresAt: new Date(now.getTime() + this.settings.lifetimeMs) }, this.settings.secret);
    return `${base}/documents/${token}`;
  }
}
