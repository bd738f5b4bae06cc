import { londonDate, type IsoDate } from '../calendar/isoDate';
import type { DataLevel, RequestedDataset } from '../enquiry/enquiry';
import type { CommonLawBasis } from '../rules/commonLawDuty';
import type { DsaUse, RulesConfig } from '../rules/config';
import { defaultRules } from '../rules/defaultRules';
import type { SecurityEvidence } from '../rules/security';
import { latestSection, securityEvidenceFor, sectionTitles, type CaseState, type SectionContents, type SectionName, type SpecialCondition } from '../workflow';
import type { DsaTerms } from '../workflow/commands/shapes';

/**
 * What a Data Sharing Agreement says, taken from the case: the facts only, no layout. Everything
 * here is fixed once the case is approved (the application, the assessment, the special
 * conditions), so rendering a DSA version again later yields the same document and hash.
 */

export interface DsaOrganisation {
  readonly name: string;
  readonly address: string;
  readonly icoRegistrationNumber: string;
}

export interface DsaContent {
  readonly dsaVersion: number;
  readonly caseReference: string;
  readonly nicNumber: string;
  /** The approval instant: the document's date, and the PDF's fixed creation date. */
  readonly approvedAt: string;
  readonly approvedOn: IsoDate;
  readonly provider: { readonly name: string; readonly address: string };
  readonly controllers: readonly DsaOrganisation[];
  readonly processors: readonly DsaOrganisation[];
  readonly dataControllerSignatory?: { readonly name: string; readonly organisation: string; readonly email: string };
  readonly data: {
    readonly datasets: readonly RequestedDataset[];
    readonly level: DataLevel;
    readonly years: string;
    readonly filters: string;
    readonly fields: readonly { readonly name: string; readonly identifiableOrSensitive: boolean; readonly justification: string }[];
    readonly under16s: { readonly included: boolean; readonly justification: string };
  };
  readonly purpose: {
    readonly objective: SectionContents['objective'];
    readonly processingActivities: string;
    readonly expectedOutcomes: SectionContents['expectedOutcomes'];
    readonly commercial: SectionContents['commercialPurpose'];
  };
  readonly security: {
    readonly evidence: SecurityEvidence;
    readonly storage: SectionContents['storageAndTerritory'];
  };
  readonly legalBasis: {
    readonly article6: string;
    readonly article9: string;
    readonly commonLawDuty: CommonLawBasis;
    readonly cagReference?: string;
    readonly ethicalApproval: SectionContents['ethicalApproval'];
    readonly patientObjections: SectionContents['patientObjections'];
    readonly privacyNoticeUrl: string;
  };
  readonly access: {
    readonly serviceName: string;
    readonly disseminationReason?: string;
    readonly subLicensing: SectionContents['subLicensing'];
  };
  readonly specialConditions: readonly SpecialCondition[];
  readonly term: DsaTerms & { readonly useLabel: string };
}

export interface DsaContentOptions {
  /**
   * The terms of a version about to be generated (they go into the `generateDsa` command with
   * this document's hash). Leave out to render the current version again from its recorded terms.
   */
  readonly terms?: DsaTerms;
  /** NHS England's name and address as the first party. */
  readonly provider?: { readonly name: string; readonly address: string };
  /** Where the access services' names come from (the workflow's rules). */
  readonly rules?: RulesConfig;
}

export const nhsEngland = { name: 'NHS England', address: '7 and 8 Wellington Place, Leeds, LS1 4AP' } as const;

export class DsaNotReady extends Error {
  constructor(reason: string) {
    super(`The DSA cannot be generated: ${reason}`);
    this.name = 'DsaNotReady';
  }
}

export function dsaContentOf(state: CaseState, options: DsaContentOptions = {}): DsaContent {
  const { facts } = state;
  if (!state.nicNumber) throw new DsaNotReady(`${state.reference} has no NIC number yet.`);
  if (!facts.approval) throw new DsaNotReady(`${state.reference} has not been approved.`);
  const current = facts.dsa;
  const terms = options.terms ?? current?.terms;
  if (!terms) throw new DsaNotReady('give the DSA terms (start, end, use) for its first version.');
  const dsaVersion = options.terms ? (current?.dsaVersion ?? 0) + 1 : current!.dsaVersion;

  const section = <K extends SectionName>(name: K): SectionContents[K] => {
    const content = latestSection(facts.application, name);
    if (!content) throw new DsaNotReady(`the application has no “${sectionTitles[name]}” section.`);
    return content;
  };
  const assessment = facts.assessments[facts.assessments.length - 1]?.assessment;
  const accessService = assessment?.accessService ?? { service: 'secureDataEnvironment' as const };
  const data = section('dataRequested');
  const legal = section('legalBasis');
  const organisations = section('controllersAndProcessors').organisations;
  const signatory = state.people.dataControllerSignatory;

  return {
    dsaVersion,
    caseReference: state.reference,
    nicNumber: state.nicNumber,
    approvedAt: facts.approval.at,
    approvedOn: londonDate(new Date(facts.approval.at)),
    provider: options.provider ?? nhsEngland,
    controllers: organisations.filter((org) => org.role === 'data controller').map(organisationOf),
    processors: organisations.filter((org) => org.role === 'data processor').map(organisationOf),
    ...(signatory ? { dataControllerSignatory: { name: signatory.name, organisation: signatory.organisation, email: signatory.email } } : {}),
    data: {
      datasets: data.datasets,
      level: data.level,
      years: data.years,
      filters: data.filters,
      fields: data.fields,
      under16s: { included: data.includesUnder16s, justification: data.under16sJustification },
    },
    purpose: {
      objective: section('objective'),
      processingActivities: section('processingActivities').description,
      expectedOutcomes: section('expectedOutcomes'),
      commercial: section('commercialPurpose'),
    },
    security: { evidence: securityEvidenceFor(state), storage: section('storageAndTerritory') },
    legalBasis: {
      article6: legal.article6,
      article9: legal.article9,
      commonLawDuty: legal.commonLawDuty,
      ...(legal.cagReference ? { cagReference: legal.cagReference } : {}),
      ethicalApproval: section('ethicalApproval'),
      patientObjections: section('patientObjections'),
      privacyNoticeUrl: section('transparency').privacyNoticeUrl,
    },
    access: {
      serviceName: (options.rules ?? defaultRules).charges.accessServices[accessService.service].name,
      ...(accessService.service === 'dissemination' ? { disseminationReason: accessService.reason } : {}),
      subLicensing: section('subLicensing'),
    },
    specialConditions: facts.specialConditions,
    term: { ...terms, useLabel: useLabels[terms.use] },
  };
}

function organisationOf(org: { name: string; address: string; icoRegistrationNumber: string }): DsaOrganisation {
  return { name: org.name, address: org.address, icoRegistrationNumber: org.icoRegistrationNumber };
}

/** How each DSA use is named in the agreement (the rules' labels read inside a sentence). */
const useLabels: Readonly<Record<DsaUse, string>> = {
  academicArchiving: 'Archiving for academic research',
  commercial: 'Commercial use',
  subLicence: 'Use under a sub-licence',
  other: 'The purpose described in this agreement',
};
