import { formatDate } from '../../services/domain/calendar/isoDate';
import type { DsaUse, RulesConfig } from '../../services/domain/rules/config';
import type { CaseState, DsaRecord } from '../../services/domain/workflow';
import { partyNames, signatoryParties, type SignatoryParty } from '../../services/domain/workflow/commands/fields';
import { capitalise, clip, momentOf, type Fact } from '../frame/cardText';

/** Where each DSA signature stands: signed (name typed, when, which hash), declined, or awaited. */
export function organisationFor(state: CaseState, party: SignatoryParty): string {
  return party === 'nhse' ? 'NHS England' : (state.people.dataControllerSignatory?.organisation ?? 'the data controller');
}

export function signatureFacts(state: CaseState, dsa: DsaRecord, max: number): Fact[] {
  return signatoryParties.map((party) => {
    const signature = dsa.signatures.find((candidate) => candidate.party === party);
    const decline = [...dsa.declines].reverse().find((candidate) => candidate.party === party && candidate.dsaVersion === dsa.dsaVersion);
    const value = signature
      ? `Signed by ${signature.signer.name} (typed “${signature.typedName}”) on ${momentOf(signature.at)}`
      : decline
        ? `Declined by ${decline.stamp.by.name} on ${momentOf(decline.stamp.at)}: ${clip(decline.reason, max)}`
        : dsa.sent ? 'Awaiting signature' : 'Not sent yet';
    return { title: `${capitalise(partyNames[party])} (${organisationFor(state, party)})`, value };
  });
}

export function lapsedFacts(dsa: DsaRecord): Fact[] {
  return dsa.lapsedSignatures.map((signature) => ({
    title: `Lapsed: version ${signature.dsaVersion}`,
    value: `${signature.signer.name} signed on ${momentOf(signature.at)}; the DSA was regenerated, so the signature no longer applies.`,
  }));
}

/** "Archiving for academic research"; the rules call the catch-all use "this use", which reads badly as a title. */
export function useTitle(use: DsaUse, rules: RulesConfig): string {
  return use === 'other' ? 'Other research or analysis' : capitalise(rules.dsaTerm.useLabels[use]);
}

export function termFacts(dsa: DsaRecord, rules: RulesConfig): Fact[] {
  const terms = dsa.terms;
  return [
    { title: 'Term', value: `${formatDate(terms.start)} to ${formatDate(terms.end)}` },
    { title: 'Use', value: useTitle(terms.use, rules) },
    ...(terms.cohortFileWithinWorkingDays !== undefined ? [{ title: 'Cohort file', value: `Due within ${terms.cohortFileWithinWorkingDays} working days of signature` }] : []),
    ...(terms.datesMinimised ? [{ title: 'Dates', value: 'Minimised (PERSON_MIN_DATE / PERSON_MAX_DATE)' }] : []),
  ];
}
