import { compareDates, formatDate, londonDate } from '../../services/domain/calendar/isoDate';
import { chargeLabels, type CostEstimate } from '../../services/domain/rules/charges';
import type { ChargeType, RulesConfig } from '../../services/domain/rules/config';
import { formatPounds } from '../../services/domain/rules/reason';
import type { AssessmentRecord, CaseState } from '../../services/domain/workflow';
import { listOf, wordsOf } from '../../services/domain/vocabulary/plainFacts';
import { clip, dayOf, fact, yesNo, type Fact } from '../frame/cardText';

/** A recorded preliminary assessment as facts: shared by the assessment, funding and "take it" cards. */
export function assessmentFacts(record: AssessmentRecord, rules: RulesConfig, max: number): Fact[] {
  const a = record.assessment;
  const service = rules.charges.accessServices[a.accessService.service].name;
  const cloud = a.security.cloudStorage;
  return [
    fact('Access service', a.accessService.service === 'dissemination' ? `${service}, because: ${a.accessService.reason}` : service, max),
    fact('Novel or contentious', yesNo(a.novelOrContentious)),
    fact('Legal and ethical evidence needed', a.legalAndEthicalEvidence.join('; ') || 'None', max),
    fact('Cohort file needed', yesNo(a.cohortSubmissionNeeded)),
    fact('Agreements', a.agreements.map((item) => `${item.agreement} (to be signed by ${item.signatory})`).join('; '), max),
    fact('Data controller signatory', `${a.dataControllerSignatory.name}, ${a.dataControllerSignatory.email}, for ${a.dataControllerSignatory.organisation}`),
    fact('Cloud storage', cloud.used ? `Yes: ${[cloud.provider, cloud.region].filter(Boolean).join(', ')}${cloud.outsideUk ? ' (outside the UK)' : ' (in the UK)'}` : 'No'),
    fact('Security', record.securityCheck.reasons.map((reason) => reason.text).join(' '), max),
    fact('Time to access (estimate)', `About ${a.timeEstimate.workingDays} working days${a.timeEstimate.note ? `. ${a.timeEstimate.note}` : ''}`, max),
  ];
}

export function assessmentHeading(record: AssessmentRecord): string {
  return `Preliminary assessment, version ${record.assessmentVersion}: recorded by ${record.recorded.by.name} on ${dayOf(record.recorded.at)}`;
}

/** The estimate the applicant confirms funding against, line by line. */
export function costFacts(estimate: CostEstimate): { facts: Fact[]; note: string } {
  return {
    facts: [
      ...estimate.lines.map((line) => ({ title: line.description, value: formatPounds(line.amountPence) })),
      { title: estimate.complete ? 'Total' : 'Total so far', value: formatPounds(estimate.totalPence) },
    ],
    note: estimate.complete ? '' : estimate.reasons.filter((reason) => /not in this total|No DARS charges/.test(reason)).join(' '),
  };
}

/** The charges in force today (DOMAIN "Charges"), from the rules: what staff choose from. */
export function chargesTable(rules: RulesConfig, now: Date): { facts: Fact[]; from: string; choices: { title: string; value: ChargeType }[] } {
  const today = londonDate(now);
  const tariff = [...rules.charges.tariffs]
    .filter((candidate) => compareDates(candidate.effectiveFrom, today) <= 0)
    .sort((a, b) => compareDates(b.effectiveFrom, a.effectiveFrom))[0];
  const types = Object.keys(chargeLabels) as ChargeType[];
  const price = (type: ChargeType): string => (tariff ? formatPounds(tariff.fees[type]) : 'not configured');
  const services = Object.values(rules.charges.accessServices).map((service) => ({
    title: service.name,
    value: service.annualChargePence === null ? 'its own charge, quoted by the service' : `${formatPounds(service.annualChargePence)} a year`,
  }));
  return {
    facts: [...types.map((type) => ({ title: chargeLabels[type], value: price(type) })), ...services],
    from: tariff ? `Charges from ${formatDate(tariff.effectiveFrom)} (cost recovery), plus the access service’s own charge.` : 'No DARS charges are configured for today.',
    choices: types.map((type) => ({ title: `${chargeLabels[type]}: ${price(type)}`, value: type })),
  };
}

export function latestAssessment(state: CaseState): AssessmentRecord | undefined {
  return state.facts.assessments[state.facts.assessments.length - 1];
}

/**
 * The enquiry in a few facts, for cards whose reader needs only the gist. The purpose is the
 * applicant's own prose, so it gets a paragraph of its own rather than a fact (every card text,
 * facts included, is shown literally: frame/literalText.ts).
 */
export function enquiryGist(state: CaseState, max: number): { facts: Fact[]; purpose: string } {
  const wanted = state.facts.enquiry.dataWanted;
  return {
    facts: [
      fact('Datasets', listOf('datasets', wanted.datasets), max),
      fact('Level of data', wordsOf('level', wanted.level)),
      fact('Organisations', state.facts.enquiry.organisations.map((o) => `${o.name} (${o.role})`).join('; '), max),
    ],
    purpose: clip(state.facts.enquiry.purpose, max),
  };
}
