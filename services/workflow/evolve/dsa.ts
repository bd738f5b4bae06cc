import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';
import { stampOf, withFacts } from './helpers';

type DsaEvent = EventOf<'dsaGenerated' | 'dsaSignaturesLapsed' | 'dsaSent' | 'dsaSigned' | 'dsaDeclined' | 'dsaExecuted'>;

export function evolveDsa(state: CaseState, event: DsaEvent): CaseState {
  const dsa = state.facts.dsa;
  switch (event.type) {
    case 'dsaSignaturesLapsed':
      return dsa ? withFacts(state, { dsa: { ...dsa, signatures: [], lapsedSignatures: [...dsa.lapsedSignatures, ...event.signatures] } }) : state;
    case 'dsaGenerated':
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
    case 'dsaSent':
      return dsa ? withFacts(state, { dsa: { ...dsa, sent: stampOf(event) } }, 'awaitingSignatures') : state;
    case 'dsaSigned': {
      if (!dsa) return state;
      const signature = { party: event.party, signer: event.actor, typedName: event.typedName, documentHash: event.documentHash, dsaVersion: event.dsaVersion, at: event.at };
      return withFacts(state, { dsa: { ...dsa, signatures: [...dsa.signatures, signature] } });
    }
    case 'dsaDeclined':
      if (!dsa) return state;
      return withFacts(state, {
        dsa: { ...dsa, declines: [...dsa.declines, { party: event.party, reason: event.reason, dsaVersion: event.dsaVersion, stamp: stampOf(event) }] },
      }, 'dsaDeclined');
    case 'dsaExecuted':
      if (!dsa) return state;
      return withFacts(state, {
        dsa: { ...dsa, executed: stampOf(event) },
        access: {
          serviceAgreement: { required: event.serviceAgreementRequired },
          cohortFile: { required: event.cohortFileRequired, files: [] },
        },
      }, 'arrangingAccess');
  }
}
