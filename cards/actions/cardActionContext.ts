import type { CaseState } from '../../services/domain/workflow';
import type { DocumentRef } from '../frame/cardViewer';

/** What the bot found out before deciding a click, beyond the card's own inputs (verbs.ts builds the command from both). */
export interface CardActionContext {
  /** The stored case the click is decided on (the case commands check the card is not stale). */
  readonly state?: CaseState;
  /** dsa.generate: the document the bot rendered from the case and the submitted terms. */
  readonly dsaDocument?: DocumentRef;
  /** serviceAgreement.sign: the agreement the card showed (from configuration). */
  readonly serviceAgreementDocument?: DocumentRef;
  /** assessment.record: the data controller signatory the bot found by the email on the card. */
  readonly signatory?: { readonly id: string; readonly name: string; readonly email: string };
  /** application.accept: the NIC number the bot issued, or claimed as entered (unused by any other case). */
  readonly nicNumber?: string;
}
