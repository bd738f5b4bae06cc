import { defaultRules } from '../services/domain/rules/defaultRules';
import { shownFingerprint, type CaseState, type DsaRecord } from '../services/domain/workflow';
import { partyNames, type SignatoryParty } from '../services/domain/workflow/commands/fields';
import { clip, momentOf } from './frame/cardText';
import { documentLinkData, permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/dsaSignature.json';
import { partyOf } from './views/partyView';
import { sharingView } from './views/sharingView';
import { organisationFor, signatureFacts, termFacts } from './views/signaturesView';
import type { CardActionContext } from './actions/cardActionContext';
import type { CardData, CardInputs } from './actions/cardInputs';
import { reasonLabel, signatureLabels, type CardVerbs } from './actions/verbSpec';

/**
 * The signatory's DSA card in their 1:1 chat (DOMAIN stage 5): what is shared and why, the
 * document with its full SHA-256, and — while it is theirs to sign — "Sign" (a typed full name
 * and "I am authorised to sign for <organisation>") or "Decline" with a reason. The signature
 * binds to the hash of the DSA version this card shows (the card's `shown` fingerprint covers it).
 */
export function dsaSignatureCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const rules = options.rules ?? defaultRules;
  const dsa = state.facts.dsa;
  const party = partyOf(viewer.roles, options.party);
  const can = permitted(state, viewer);
  const signed = dsa?.signatures.some((signature) => signature.party === party) === true;
  const mayAct = (key: 'signDsa' | 'declineDsa'): boolean => party !== undefined && !signed && can(`${key}:${party}`);
  const organisation = party ? organisationFor(state, party) : '';
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        party: party ?? '',
        organisation,
        intro: party
          ? `You are asked to sign the Data Sharing Agreement for ${state.nicNumber ?? state.reference} as ${partyNames[party]}, for ${organisation}.`
          : `The Data Sharing Agreement for ${state.nicNumber ?? state.reference} and its signatures.`,
        ...standing(dsa, party),
        sharing: sharingView(state, fit, rules),
        conditions: (dsa?.specialConditions ?? []).map((text) => ({ text: clip(text, fit.text) })),
        document: dsa
          ? { name: dsa.documentName, version: dsa.dsaVersion, hash: dsa.contentHash, terms: termFacts(dsa, rules) }
          : { name: 'No DSA has been generated yet', version: 0, hash: '—', terms: [] },
        signatures: dsa ? signatureFacts(state, dsa, fit.text) : [],
        documentLink: documentLinkData(options),
        can: { sign: mayAct('signDsa'), decline: mayAct('declineDsa') },
        // The document and this party's standing on it: another party signing does not make this card stale.
        shown: party ? (shownFingerprint(state, `signDsa:${party}`) ?? '') : '',
      },
      {
        state, viewer, now, options, title: 'Sign the Data Sharing Agreement', card: 'dsaSignature',
        actions: party ? [`signDsa:${party}`, `declineDsa:${party}`] : ['signDsa:nhse', 'signDsa:dataController'],
        ...(party ? { refreshData: { party } } : {}),
      },
    ),
  );
}

/** This party's standing: signed, lapsed (the DSA was regenerated after they signed) or declined. */
function standing(dsa: DsaRecord | undefined, party: SignatoryParty | undefined): { standing: string; standingStyle: string } {
  if (!dsa || !party) return { standing: '', standingStyle: 'default' };
  const signature = dsa.signatures.find((candidate) => candidate.party === party);
  if (signature) return { standing: `Signed by ${signature.signer.name} on ${momentOf(signature.at)}, bound to the SHA-256 below.`, standingStyle: 'good' };
  const lapsed = [...dsa.lapsedSignatures].reverse().find((candidate) => candidate.party === party);
  if (lapsed) {
    return { standing: `Your signature on version ${lapsed.dsaVersion} has lapsed: the DSA was regenerated. Please read and sign version ${dsa.dsaVersion}.`, standingStyle: 'warning' };
  }
  const declined = [...dsa.declines].reverse().find((candidate) => candidate.party === party && candidate.dsaVersion === dsa.dsaVersion);
  if (declined) return { standing: `Declined on ${momentOf(declined.stamp.at)}. DARS will send a corrected DSA.`, standingStyle: 'attention' };
  return { standing: '', standingStyle: 'default' };
}

export const dsaSignatureVerbs = {
  'dsa.sign': { command: 'signDsa', build: signDsa, labels: signatureLabels },
  'dsa.decline': { command: 'declineDsa', build: (i, _c, data) => ({ party: data.party, reason: i.text('reason') }), labels: { ...reasonLabel('Why you cannot sign'), party: 'Signatory' } },
} as const satisfies CardVerbs;

/**
 * The hash signed is the stored DSA's. It is the one the card showed: the card's fingerprint
 * covers the document's hash, and a click whose fingerprint no longer matches the case is
 * answered with the current card before any decision (the workflow's `isStaleCard`).
 */
function signDsa(inputs: CardInputs, context: CardActionContext, data: CardData): Record<string, unknown> {
  const state = context.state;
  if (!state?.facts.dsa) inputs.problems.push('“DSA”: there is no DSA on this case to sign');
  return { party: data.party, typedName: inputs.text('typedName'), authorityConfirmed: inputs.flag('authorityConfirmed'), documentHash: state?.facts.dsa?.contentHash };
}
