import { canonicalJson, sha256Hex } from '../integrity/canonicalJson';
import type { CaseCommand } from './commands';
import { movedOnSince } from './deadlineNotices';
import type { CaseEvent } from './events';
import { permissionKey, type PermissionKey } from './permissions';
import type { CaseState } from './state/caseState';

/**
 * When is a card stale? When something it shows, that the decision on it rests on, has changed
 * for the person acting — not whenever the case moved. Two signatories sign the same DSA at once;
 * the assurance, AGD and PAG reviews are recorded in parallel: none of these changes what the
 * others' cards show them, so none makes the others' cards stale.
 *
 * For such decisions the card carries a fingerprint of what it showed (`shown`, the SHA-256 of
 * these facts, computed by the card's builder from the stored case) and the click is compared
 * with the fingerprint of the case as it is when decided on. Every other card (and any card
 * sent before fingerprints) is compared on the whole case version, as before. Whether the
 * decision is then allowed is still for `decide` and the permission table.
 */

/** What a card says it showed: the case version, and for some decisions a fingerprint. */
export interface ShownCard {
  readonly version: number;
  readonly fingerprint?: string;
}

type ShownFacts = (state: CaseState) => unknown;

/** A review card: that review's record (its state and rounds), the application under review, the conditions so far. */
const reviewFacts = (review: 'assurance' | 'agd' | 'pag'): ShownFacts => (state) => ({
  review,
  record: state.facts.assurance?.reviews[review] ?? null,
  applicationVersion: state.facts.application.submissions.length,
  specialConditions: state.facts.specialConditions,
});

/** A DSA signature card: the document (its version and SHA-256) and this party's own signature or decline on it. */
const signatureFacts = (party: 'nhse' | 'dataController'): ShownFacts => (state) => {
  const dsa = state.facts.dsa;
  return {
    party,
    dsaVersion: dsa?.dsaVersion ?? null,
    contentHash: dsa?.contentHash ?? null,
    signature: dsa?.signatures.find((signature) => signature.party === party) ?? null,
    declines: dsa?.declines.filter((decline) => decline.party === party && decline.dsaVersion === dsa.dsaVersion) ?? [],
  };
};

/** The decisions whose cards carry a fingerprint, and what it covers. Decline is on the signature card too. */
const shownFacts: Partial<Record<PermissionKey, ShownFacts>> = {
  'recordReview:assurance': reviewFacts('assurance'),
  'recordReview:agd': reviewFacts('agd'),
  'recordReview:pag': reviewFacts('pag'),
  'signDsa:nhse': signatureFacts('nhse'),
  'declineDsa:nhse': signatureFacts('nhse'),
  'signDsa:dataController': signatureFacts('dataController'),
  'declineDsa:dataController': signatureFacts('dataController'),
  signServiceAgreement: (state) => ({ serviceAgreement: state.facts.access?.serviceAgreement ?? null }),
};

/** The fingerprint a card for this decision shows now, or undefined where the whole version counts. */
export function shownFingerprint(state: CaseState, key: PermissionKey): string | undefined {
  const facts = shownFacts[key];
  return facts ? sha256Hex(canonicalJson(facts(state))) : undefined;
}

/** Whether a click on a card that showed `shown` must get the current card instead of a decision. */
export function isStaleCard(state: CaseState | undefined, events: readonly CaseEvent[], command: CaseCommand, shown: ShownCard): boolean {
  const now = state && shown.fingerprint !== undefined ? shownFingerprint(state, permissionKey(command)) : undefined;
  if (now !== undefined) return now !== shown.fingerprint;
  // Nothing recorded since the card was shown (the case may be read from its snapshot, without events).
  if (state && shown.version === state.version) return false;
  // Deadline notices recorded since the card was shown change nothing it shows.
  return movedOnSince(events, shown.version);
}
