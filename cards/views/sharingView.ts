import { defaultRules } from '../../services/domain/rules/defaultRules';
import type { RulesConfig } from '../../services/domain/rules/config';
import { latestSection, type CaseState } from '../../services/domain/workflow';
import { clip, fact, type Fact } from '../frame/cardText';
import type { Fit } from '../frame/frameCard';
import { listOf, wordsOf } from '../../services/domain/vocabulary/plainFacts';
import { latestAssessment } from './assessmentView';

/**
 * What is shared, with whom, and why — the substance of the DSA (DOMAIN stage 5) — read from the
 * application as accepted, for the approver, the DSA card and the signatories.
 */

export interface SharingView {
  readonly parties: Fact[];
  readonly data: Fact[];
  /** The objective, in the applicant's words (a TextRun: shown literally). */
  readonly purpose: string;
  readonly conditions: { text: string }[];
}

export function sharingView(state: CaseState, fit: Fit, rules: RulesConfig = defaultRules): SharingView {
  const application = state.facts.application;
  const requested = latestSection(application, 'dataRequested');
  const organisations = latestSection(application, 'controllersAndProcessors')?.organisations
    ?? state.facts.enquiry.organisations.filter((o) => o.role !== 'funder').map((o) => ({ name: o.name, role: o.role, address: '', icoRegistrationNumber: '' }));
  const named = (role: string): string => organisations.filter((o) => o.role === role).map((o) => `${o.name}${o.icoRegistrationNumber ? ` (ICO ${o.icoRegistrationNumber})` : ''}`).join('; ');
  const legal = latestSection(application, 'legalBasis');
  const storage = latestSection(application, 'storageAndTerritory');
  const objective = latestSection(application, 'objective');
  const service = latestAssessment(state)?.assessment.accessService.service;
  const datasets = requested?.datasets ?? state.facts.enquiry.dataWanted.datasets;
  const max = Math.min(fit.text, 600);
  return {
    parties: [
      fact('Provider', 'NHS England'),
      fact('Data controllers', named('data controller'), max),
      fact('Data processors', named('data processor') || 'None named', max),
    ],
    data: [
      fact('Datasets', listOf('datasets', datasets), max),
      fact('Level of data', wordsOf('level', requested?.level ?? state.facts.enquiry.dataWanted.level)),
      fact('Years', requested?.years ?? ''),
      fact('Filters', requested?.filters ?? '', max),
      fact('Fields', requested ? `${requested.fields.length}: ${requested.fields.map((f) => f.name).join('; ')}` : '', max),
      fact('Access service', service ? rules.charges.accessServices[service].name : ''),
      fact('Storage and territory', storage ? `${storage.storageLocation}; used in ${storage.territoryOfUse}` : '', max),
      fact('Legal basis', legal ? `UK GDPR ${legal.article6}; ${legal.article9}; common law duty of confidentiality: ${wordsOf('commonLawDuty', legal.commonLawDuty).toLowerCase()}${legal.cagReference ? ` (CAG ${legal.cagReference})` : ''}` : '', max),
    ],
    purpose: clip(objective ? objective.aim : state.facts.enquiry.purpose, fit.text),
    conditions: state.facts.specialConditions.map((condition) => ({ text: clip(condition.text, fit.text) })),
  };
}
