import { z } from 'zod';
import { formatDate, londonDate } from '../../calendar/isoDate';
import { checkDsaTerm } from '../../rules/dsaTerm';
import { problemsIn } from '../../rules/reason';
import { dsaTermsSchema } from '../commands/shapes';
import { dsaUsesFor } from '../application/checks';
import { partyNames, sha256, signatoryParties, signatureFields, text, type SignatoryParty } from '../commands/fields';
import { accept, refuse, type HandlerContext, type HandlerResult } from '../decision';
import type { OutboxEffect, Recipient } from '../effects';
import type { CaseEventBody } from '../events';
import { stampOf, withFacts } from '../evolve/helpers';
import type { CaseState } from '../state/caseState';
import type { DsaRecord } from '../state/records';
import type { Deciders, Evolvers } from './handlers';

/**
 * Stage 5, the Data Sharing Agreement (DOMAIN.md). A signature binds to the SHA-256 of the
 * document the signatory was shown: a signature on any other hash is refused, and generating a
 * new version makes every signature on the old one lapse.
 */
const signatoryOf: Readonly<Record<SignatoryParty, Recipient>> = { nhse: { role: 'nhseSignatory' }, dataController: 'dataControllerSignatory' };

/**
 * Stage 5, the Data Sharing Agreement. The document itself is rendered and stored elsewhere;
 * the workflow holds its SHA-256 and terms (commands/shapes.ts), and binds every signature to that hash.
 */
export const dsaCommandSchemas = [
  z.object({
    type: z.literal('generateDsa'),
    contentHash: sha256,
    documentName: text('the DSA document’s name', 300),
    terms: dsaTermsSchema,
  }),
  z.object({ type: z.literal('sendDsa') }),
  z.object({ type: z.literal('signDsa'), party: z.enum(signatoryParties), ...signatureFields }),
  z.object({ type: z.literal('declineDsa'), party: z.enum(signatoryParties), reason: text('the reason for declining', 2000) }),
] as const;

export type DsaCommand = z.infer<(typeof dsaCommandSchemas)[number]>;
type CommandOf<T extends DsaCommand['type']> = Extract<DsaCommand, { type: T }>;

export const dsaDeciders: Deciders<DsaCommand> = {
  generateDsa: generate,
  sendDsa: (state) => withDsa(state, (dsa) => {
    const signed = new Set(dsa.signatures.map((signature) => signature.party));
    const requests: OutboxEffect[] = signatoryParties
      .filter((party) => !signed.has(party))
      .map((party) => ({ kind: 'requestSignature', party, to: signatoryOf[party], dsaVersion: dsa.dsaVersion, documentHash: dsa.contentHash }));
    return accept([{ type: 'dsaSent', dsaVersion: dsa.dsaVersion, contentHash: dsa.contentHash }], requests);
  }),
  signDsa: (state, command, ctx) => withDsa(state, (dsa) => sign(state, dsa, command, ctx)),
  declineDsa: (state, command) => withDsa(state, (dsa) => accept([{ type: 'dsaDeclined', party: command.party, reason: command.reason, dsaVersion: dsa.dsaVersion }])),
};

/** The permission table allows all but generating only once a DSA has been generated. */
function withDsa(state: CaseState, decide: (dsa: DsaRecord) => HandlerResult): HandlerResult {
  const dsa = state.facts.dsa;
  return dsa ? decide(dsa) : refuse('conflict', `No DSA has been generated for ${state.reference} yet.`);
}

function generate(state: CaseState, command: CommandOf<'generateDsa'>, ctx: HandlerContext): HandlerResult {
  const previous = state.facts.dsa;
  if (previous?.contentHash === command.contentHash) {
    return refuse('conflict', `This document is already DSA version ${previous.dsaVersion} of ${state.reference}; nothing was regenerated.`);
  }
  const terms = command.terms;
  const term = checkDsaTerm({ start: terms.start, end: terms.end, uses: dsaUsesFor(state, terms.use) }, ctx.today, ctx.rules);
  if (!term.ok) return refuse('invalid', `The DSA terms break the rules: ${problemsIn(term.reasons).join(' ')}`);
  const cohortNeeded = state.facts.assessments[state.facts.assessments.length - 1]?.assessment.cohortSubmissionNeeded === true;
  if (cohortNeeded && terms.cohortFileWithinWorkingDays === undefined) {
    return refuse('invalid', 'This case needs a cohort file: the DSA terms must say within how many working days of signature it is due.');
  }
  const events: CaseEventBody[] = [];
  const effects: OutboxEffect[] = [];
  if (previous) {
    if (previous.signatures.length > 0) {
      events.push({ type: 'dsaSignaturesLapsed', dsaVersion: previous.dsaVersion, signatures: [...previous.signatures] });
    }
    if (previous.sent) effects.push({ kind: 'withdrawSignatureRequests', dsaVersion: previous.dsaVersion, documentHash: previous.contentHash });
  }
  events.push({
    type: 'dsaGenerated',
    dsaVersion: (previous?.dsaVersion ?? 0) + 1,
    contentHash: command.contentHash,
    documentName: command.documentName,
    terms,
    specialConditions: state.facts.specialConditions.map((condition) => condition.text),
  });
  return accept(events, effects);
}

function sign(state: CaseState, dsa: DsaRecord, command: CommandOf<'signDsa'>, ctx: HandlerContext): HandlerResult {
  if (command.documentHash !== dsa.contentHash) {
    const replaced = formatDate(londonDate(new Date(dsa.generated.at)));
    return refuse('conflict', `The DSA you were shown is not the current one: version ${dsa.dsaVersion} replaced it on ${replaced}. Open the current DSA and sign that.`);
  }
  const existing = dsa.signatures.find((signature) => signature.party === command.party);
  if (existing) return refuse('conflict', `${capitalise(partyNames[command.party])} has already signed DSA version ${dsa.dsaVersion} (${existing.signer.name}).`);
  const events: CaseEventBody[] = [
    { type: 'dsaSigned', party: command.party, typedName: command.typedName, documentHash: command.documentHash, dsaVersion: dsa.dsaVersion },
  ];
  const effects: OutboxEffect[] = [];
  const otherSigned = dsa.signatures.some((signature) => signature.party !== command.party);
  if (otherSigned) {
    const assessment = state.facts.assessments[state.facts.assessments.length - 1]?.assessment;
    const service = assessment?.accessService.service ?? 'secureDataEnvironment';
    const serviceAgreementRequired = ctx.rules.charges.accessServices[service].serviceAgreementRequired;
    const cohortFileRequired = assessment?.cohortSubmissionNeeded === true;
    events.push({ type: 'dsaExecuted', dsaVersion: dsa.dsaVersion, contentHash: dsa.contentHash, serviceAgreementRequired, cohortFileRequired });
    effects.push({ kind: 'sendSignedCopy', document: 'dsa', documentHash: dsa.contentHash });
  }
  return accept(events, effects);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const dsaEvolvers: Evolvers<'dsaGenerated' | 'dsaSignaturesLapsed' | 'dsaSent' | 'dsaSigned' | 'dsaDeclined' | 'dsaExecuted'> = {
  dsaSignaturesLapsed: (state, event) => {
    const dsa = state.facts.dsa;
    return dsa ? withFacts(state, { dsa: { ...dsa, signatures: [], lapsedSignatures: [...dsa.lapsedSignatures, ...event.signatures] } }) : state;
  },
  dsaGenerated: (state, event) => {
    const dsa = state.facts.dsa;
    return withFacts(state, {
      dsa: {
        dsaVersion: event.dsaVersion,
        contentHash: event.contentHash,
        documentName: event.documentName,
        terms: event.terms,
        specialConditions: event.specialConditions,
        generated: stampOf(event),
        signatures: [],
        lapsedSignatures: dsa?.lapsedSignatures ?? [],
        declines: dsa?.declines ?? [],
      },
    }, 'dsaGenerated');
  },
  dsaSent: (state, event) => {
    const dsa = state.facts.dsa;
    return dsa ? withFacts(state, { dsa: { ...dsa, sent: stampOf(event) } }, 'awaitingSignatures') : state;
  },
  dsaSigned: (state, event) => {
    const dsa = state.facts.dsa;
    if (!dsa) return state;
    const signature = { party: event.party, signer: event.actor, typedName: event.typedName, documentHash: event.documentHash, dsaVersion: event.dsaVersion, at: event.at };
    return withFacts(state, { dsa: { ...dsa, signatures: [...dsa.signatures, signature] } });
  },
  dsaDeclined: (state, event) => {
    const dsa = state.facts.dsa;
    if (!dsa) return state;
    return withFacts(state, {
      dsa: { ...dsa, declines: [...dsa.declines, { party: event.party, reason: event.reason, dsaVersion: event.dsaVersion, stamp: stampOf(event) }] },
    }, 'dsaDeclined');
  },
  dsaExecuted: (state, event) => {
    const dsa = state.facts.dsa;
    if (!dsa) return state;
    return withFacts(state, {
      dsa: { ...dsa, executed: stampOf(event) },
      access: {
        serviceAgreement: { required: event.serviceAgreementRequired },
        cohortFile: { required: event.cohortFileRequired, files: [] },
      },
    }, 'arrangingAccess');
  },
};
