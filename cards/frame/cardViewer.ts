import type { ChainVerdict } from '../../services/storage/cases/commitChain';
import type { RulesConfig } from '../../services/domain/rules/config';
import type { ReviewKind } from '../../services/domain/rules/reviews';
import { checkPermission, type CaseRole, type CaseState, type PermissionKey } from '../../services/domain/workflow';
import type { SignatoryParty } from '../../services/domain/workflow/commands/fields';

/**
 * Who a card is rendered for. A card shows the buttons this viewer may press now, decided by the
 * workflow's own permission table (so a button is never shown that `decide` would refuse); every
 * click is still checked again against the clicker's roles when it arrives.
 */
export interface CardViewer {
  /** Entra object id (`aadObjectId`); '' for a role-wide view. */
  readonly id: string;
  /** The viewer's roles on this case (directory roles plus case-bound ones: `rolesOnCase`). */
  readonly roles: readonly CaseRole[];
}

/**
 * The view for anyone holding a role, for a card posted to a channel: DARS staff in the triage
 * channel see the staff buttons; `refresh` then gives each person their own view.
 */
export function roleViewer(...roles: CaseRole[]): CardViewer {
  return { id: '', roles };
}

/** A document a signatory is shown and signs: its SHA-256 is what the signature binds to. */
export interface DocumentRef {
  readonly documentName: string;
  /** 64 lowercase hex characters. */
  readonly contentHash: string;
}

/** A button that opens the document a card asks its viewer to sign or review (`Action.OpenUrl`). */
export interface DocumentLink {
  readonly url: string;
  /** E.g. "Open the DSA (PDF)". */
  readonly title: string;
}

export interface CardOptions {
  /**
   * A banner above the card: "This case has moved on since you opened this card; here it is now.",
   * or a refusal ("Only the DARS contact or DARS staff can …").
   */
  readonly notice?: string;
  /**
   * The verb of the button whose click the notice answers (a refusal, a problem with an input):
   * the notice is then shown next to that button rather than at the top of the card.
   */
  readonly noticeFor?: string;
  /**
   * Teams user MRIs ("29:…") whose clients refresh the card automatically (Universal Actions
   * `refresh.userIds`): the bot knows them from the conversation roster. At most 60 are kept
   * (Teams' limit); without them, Teams refreshes for everyone only in conversations of up to 60.
   */
  readonly refreshUserIds?: readonly string[];
  /** Defaults to the workflow's `defaultRules` (charges, levels, cohort file rules). */
  readonly rules?: RulesConfig;
  /** The `review` card: which review it is for (AGD, PAG or the assurance review). */
  readonly review?: ReviewKind;
  /** The signature cards: which party signs (default: the party the viewer's roles make them). */
  readonly party?: SignatoryParty;
  /** The status card, for DARS staff: whether the case's history verifies (its hash chain). */
  readonly history?: ChainVerdict;
  /** The service agreement for the access service, as configured: it has no record in the case. */
  readonly serviceAgreementDocument?: DocumentRef;
  /** The signature and DSA cards: a link, issued to this viewer, that opens the document (bot/documents/documentLinks.ts). */
  readonly documentLink?: DocumentLink;
  /**
   * Links that open the files people sent (evidence, cohort files), by file id, issued to whoever
   * the card is rendered for (bot/documents/documentLinks.ts): SharePoint once copied there, else the bot's own.
   */
  readonly fileLinks?: Readonly<Record<string, string>>;
}

/** For a template: `documentLink.url` is '' when there is no link to show. */
export function documentLinkData(options: CardOptions): DocumentLink {
  return options.documentLink ?? { url: '', title: '' };
}

/** `can(key)`: would the workflow accept this command from the viewer now? */
export type Can = (key: PermissionKey) => boolean;

export function permitted(state: CaseState, viewer: CardViewer): Can {
  return (key) => !('outcome' in checkPermission(key, state, viewer.roles));
}
