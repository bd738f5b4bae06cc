import { sectionNames, sectionSchemas, sectionTitles, type SectionName } from '../../services/domain/workflow';
import type { Form, FormQuestion } from '../forms/form';
import { controllersQuestions, dataRequestedQuestions } from './sections/dataSections';
import {
  ethicsQuestions, legalBasisQuestions, objectionsQuestions, subLicensingQuestions, transparencyQuestions,
} from './sections/legalSections';
import { commercialQuestions, objectiveQuestions, outcomesQuestions, processingQuestions } from './sections/purposeSections';
import { adviseOnSecurity, checkDsaTermSection, dsaTermQuestions, securityQuestions, storageQuestions } from './sections/safeguardSections';

/**
 * The application sections (DOMAIN.md, from the DARS standards) as forms: the workflow's schema
 * for each section with the questions that fill it. A new field is a schema change in
 * services/domain/workflow plus a question here.
 */
const questions: Readonly<Record<SectionName, readonly FormQuestion[]>> = {
  objective: objectiveQuestions,
  processingActivities: processingQuestions,
  expectedOutcomes: outcomesQuestions,
  commercialPurpose: commercialQuestions,
  dataRequested: dataRequestedQuestions,
  controllersAndProcessors: controllersQuestions,
  legalBasis: legalBasisQuestions,
  ethicalApproval: ethicsQuestions,
  securityAssurance: securityQuestions,
  storageAndTerritory: storageQuestions,
  patientObjections: objectionsQuestions,
  transparency: transparencyQuestions,
  subLicensing: subLicensingQuestions,
  dsaTerm: dsaTermQuestions,
};

export const sectionForms: Readonly<Record<SectionName, Form>> = Object.fromEntries(
  sectionNames.map((name): [SectionName, Form] => [
    name,
    {
      name,
      title: sectionTitles[name],
      schema: sectionSchemas[name],
      questions: questions[name],
      ...(name === 'dsaTerm' ? { check: checkDsaTermSection } : {}),
      ...(name === 'securityAssurance' ? { advise: adviseOnSecurity } : {}),
    },
  ]),
) as Record<SectionName, Form>;

/** "Section 3 of 14". */
export function sectionNumber(section: SectionName): number {
  return sectionNames.indexOf(section) + 1;
}

const aliases: Readonly<Record<SectionName, readonly string[]>> = {
  objective: ['objective', 'aim', 'purpose'],
  processingActivities: ['processing', 'activities'],
  expectedOutcomes: ['outcomes', 'benefits'],
  commercialPurpose: ['commercial'],
  dataRequested: ['data', 'datasets', 'minimisation', 'fields'],
  controllersAndProcessors: ['controllers', 'processors', 'organisations'],
  legalBasis: ['legal', 'gdpr', 'confidentiality'],
  ethicalApproval: ['ethics', 'ethical'],
  securityAssurance: ['security', 'dspt'],
  storageAndTerritory: ['storage', 'territory', 'cloud'],
  patientObjections: ['objections', 'opt out', 'opt-out'],
  transparency: ['transparency', 'privacy notice', 'privacy'],
  subLicensing: ['sub-licensing', 'sub licensing', 'onward sharing', 'sublicensing'],
  dsaTerm: ['dsa term', 'term', 'dates', 'dsa'],
};

/** The section a person named ("legal basis", "security", "7"), if it is clear which. */
export function sectionNamed(typed: string): SectionName | undefined {
  const key = typed.trim().toLowerCase().replace(/^(section|the)\s+/, '').replace(/\s+section$/, '');
  if (/^\d+$/.test(key)) return sectionNames[Number(key) - 1];
  const byTitle = sectionNames.find((name) => sectionTitles[name].toLowerCase() === key || name.toLowerCase() === key);
  if (byTitle) return byTitle;
  const matches = sectionNames.filter((name) => sectionTitles[name].toLowerCase().startsWith(key) || aliases[name].some((alias) => key === alias || key.startsWith(`${alias} `)));
  return matches.length === 1 ? matches[0] : undefined;
}
