import type { IsoDate } from '../../calendar/isoDate';
import type { AssuranceFacts } from '../../rules/assuranceLevel';
import { checkCommonLawDuty } from '../../rules/commonLawDuty';
import type { DsaUse, RulesConfig } from '../../rules/config';
import { checkDsaTerm } from '../../rules/dsaTerm';
import { problemsIn } from '../../rules/reason';
import { checkSecurity, type SecurityEvidence } from '../../rules/security';
import type { CaseState } from '../state/caseState';
import { evidenceProblems } from '../state/evidenceChecklist';
import { sectionTitles } from './sections';
import { latestSection, missingSections } from './versions';

/**
 * The rules of DOMAIN.md applied to an application: what stops it being submitted, and the facts
 * the assurance level recommender reads. Staff-only facts (novel or contentious, whether the
 * security team reviewed a certificate, an approved improvement plan) come from the preliminary
 * assessment, never from the applicant's own answers.
 */

function latestAssessment(state: CaseState) {
  return state.facts.assessments[state.facts.assessments.length - 1]?.assessment;
}

/** Every use that limits the DSA term: the one asked for, plus commercial and sub-licence when they apply. */
export function dsaUsesFor(state: CaseState, requested: DsaUse): DsaUse[] {
  const application = state.facts.application;
  const uses: DsaUse[] = [requested];
  if (latestSection(application, 'commercialPurpose')?.commercial) uses.push('commercial');
  if (latestSection(application, 'subLicensing')?.subLicensed) uses.push('subLicence');
  return uses;
}

export function securityEvidenceFor(state: CaseState): SecurityEvidence {
  const section = latestSection(state.facts.application, 'securityAssurance');
  const assessed = latestAssessment(state)?.security.evidence;
  const certification = section?.certification
    ? {
        ...section.certification,
        reviewedBySecurity: assessed?.certification?.reviewedBySecurity === true && assessed.certification.reference === section.certification.reference,
      }
    : assessed?.certification;
  const dspt = section?.dspt ?? assessed?.dspt;
  return {
    ...(dspt ? { dspt } : {}),
    ...(certification ? { certification } : {}),
    ...(assessed?.improvementPlan ? { improvementPlan: assessed.improvementPlan } : {}),
  };
}

/** What must be fixed before the application can be submitted; empty when it can be. */
export function applicationProblems(state: CaseState, today: IsoDate, rules: RulesConfig): string[] {
  const application = state.facts.application;
  const problems: string[] = [];
  const missing = missingSections(application);
  if (missing.length > 0) problems.push(`Complete these sections: ${missing.map((section) => sectionTitles[section]).join(', ')}.`);

  const term = latestSection(application, 'dsaTerm');
  if (term) problems.push(...problemsIn(checkDsaTerm({ start: term.start, end: term.end, uses: dsaUsesFor(state, term.use) }, today, rules).reasons));

  const data = latestSection(application, 'dataRequested');
  const legal = latestSection(application, 'legalBasis');
  if (data && legal) {
    problems.push(...problemsIn(checkCommonLawDuty({ level: data.level, basis: legal.commonLawDuty, cagReference: legal.cagReference }, rules).reasons));
  }
  if (latestSection(application, 'securityAssurance')) {
    const security = checkSecurity(securityEvidenceFor(state), today, rules);
    if (!security.met) problems.push(...problemsIn(security.reasons));
  }
  problems.push(...evidenceProblems(state));
  return problems;
}

export function assuranceFactsFor(state: CaseState): AssuranceFacts {
  const application = state.facts.application;
  const data = latestSection(application, 'dataRequested');
  const legal = latestSection(application, 'legalBasis');
  const storage = latestSection(application, 'storageAndTerritory');
  const assessment = latestAssessment(state);
  const level = data?.level ?? state.facts.enquiry.dataWanted.level;
  const datasets = data?.datasets ?? state.facts.enquiry.dataWanted.datasets;
  const cloudOutsideUk = (storage?.cloud !== undefined && storage.outsideUk) ||
    (assessment?.security.cloudStorage.used === true && assessment.security.cloudStorage.outsideUk);
  return {
    novelOrContentious: assessment?.novelOrContentious ?? false,
    commercial: latestSection(application, 'commercialPurpose')?.commercial ?? false,
    identifiableWithoutConsent: level === 'identifiable' && legal?.commonLawDuty !== 'consent',
    subLicensed: latestSection(application, 'subLicensing')?.subLicensed ?? false,
    gpData: datasets.some((dataset) => dataset.containsGpData),
    recordLevel: level !== 'aggregate',
    cloudOutsideUk,
  };
}

export function requestedDatasets(state: CaseState) {
  return latestSection(state.facts.application, 'dataRequested')?.datasets ?? state.facts.enquiry.dataWanted.datasets;
}
