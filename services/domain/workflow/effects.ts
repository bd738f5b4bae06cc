import type { IsoDate } from '../calendar/isoDate';
import type { DeadlineNoticeKind } from './events';
import type { SignatoryParty } from './commands/fields';
import type { StaffRole } from './roles';

/**
 * What must be done after a decision that only the workflow knows to ask for, as data. The
 * store writes these to the case's outbox in the same single-document update as the events; a
 * worker delivers them later, with retry. The workflow names no card: which cards show each
 * event is the presentation table's (cards/events), whose card effects the store's workflow
 * adapter adds to the same insert at decision time. Effects carry no applicant answers, so
 * delivering or logging them leaks nothing.
 */

/** The Teams channels DARS works in (channel ids come from configuration). */
export type Channel = 'triage' | 'assurance' | 'agd' | 'pag';

/**
 * Who is told. 'darsContact' means the allocated DARS contact, or the triage channel while no
 * one is allocated; 'applicantTeam' is the applicant and every invited member.
 */
export type Recipient =
  | 'applicant'
  | 'applicantTeam'
  | 'darsContact'
  | 'dataControllerSignatory'
  | { readonly personId: string }
  | { readonly role: StaffRole }
  | { readonly channel: Channel };

export type OutboxEffect =
  /**
   * A short message. No decision makes these any more (what people are told is each event's
   * notices, cards/events); kept so that entries already in an outbox are still delivered.
   */
  | { readonly kind: 'notify'; readonly to: Recipient; readonly message: string }
  /**
   * Tell everyone concerned what the decision's events mean for them. The words and who hears
   * them live outside the workflow, in the presentation table (cards/events), keyed by
   * event type; delivery reads the events `firstVersion`..`lastVersion` from the case log.
   */
  | { readonly kind: 'eventNotices'; readonly firstVersion: number; readonly lastVersion: number }
  /**
   * Ask a signatory to sign this exact document: share it (SharePoint), post an activity-feed
   * notice, then send the signature card bound to `documentHash`.
   */
  | { readonly kind: 'requestSignature'; readonly party: SignatoryParty; readonly to: Recipient; readonly dsaVersion: number; readonly documentHash: string }
  /** Take back signature requests for a superseded document: their cards must show it lapsed. */
  | { readonly kind: 'withdrawSignatureRequests'; readonly dsaVersion: number; readonly documentHash: string }
  /**
   * Send the signed document of record (the agreement with its signature page, rendered from the
   * case) to everyone who signed it and to the applicant; `documentHash` is the document signed.
   */
  | { readonly kind: 'sendSignedCopy'; readonly document: 'dsa' | 'serviceAgreement'; readonly documentHash: string }
  /**
   * File a copy of a file someone sent (evidence, a cohort file; its bytes are in the file store
   * under `fileId`, hashing to `sha256`) in the case's folder of the document library, where
   * there is one (SharePoint, with Microsoft Graph); the cards that list the file then link to it.
   */
  | { readonly kind: 'copyFileToLibrary'; readonly fileId: string; readonly sha256: string }
  /** Remind whoever holds the next action of its due date, or tell triage it has passed. */
  | { readonly kind: 'deadlineNotice'; readonly notice: DeadlineNoticeKind; readonly due: IsoDate };

export const copyFileToLibrary = (fileId: string, sha256: string): OutboxEffect => ({ kind: 'copyFileToLibrary', fileId, sha256 });
