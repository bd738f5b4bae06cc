import { z } from 'zod';
import { dataLevels, requestedDatasetSchema } from '../../enquiry/enquiry';
import { commonLawBases } from '../../rules/commonLawDuty';
import { dsaUses } from '../../rules/config';
import { dsptEvidenceSchema } from '../../rules/security';
import { isoDate, optionalText, text } from '../commands/fields';

/**
 * The application sections of the DARS standards (DOMAIN.md "Application sections"). Each has a
 * schema: free text where people write prose, structured fields where a rule reads the answer
 * (commercial?, level, legal basis, security, territory, sub-licensing, DSA term).
 */

const datasetField = z
  .object({ name: text('the field name', 200), identifiableOrSensitive: z.boolean(), justification: optionalText(2000) })
  .refine((field) => !field.identifiableOrSensitive || field.justification.length > 0, {
    message: 'justify each identifiable or sensitive field', path: ['justification'],
  });

export const sectionSchemas = {
  objective: z.object({
    aim: text('the aim of the processing'),
    howTheDataAchievesIt: text('how the data achieves the aim'),
    dataSubjects: text('the data subjects, including cohort and control groups'),
    widerProgramme: optionalText(),
  }),
  processingActivities: z.object({ description: text('the processing activities', 8000) }),
  expectedOutcomes: z.object({ outcomes: text('the expected outcomes'), measurableBenefits: text('the measurable benefits') }),
  commercialPurpose: z
    .object({ commercial: z.boolean(), details: optionalText() })
    .refine((s) => !s.commercial || s.details.length > 0, { message: 'describe the commercial purpose', path: ['details'] }),
  dataRequested: z
    .object({
      datasets: z.array(requestedDatasetSchema).min(1, 'name at least one dataset'),
      level: z.enum(dataLevels),
      years: text('the years of data wanted', 200),
      filters: optionalText(),
      fields: z.array(datasetField).min(1, 'list the fields wanted'),
      includesUnder16s: z.boolean(),
      under16sJustification: optionalText(2000),
    })
    .refine((s) => !s.includesUnder16s || s.under16sJustification.length > 0, {
      message: 'justify the data on under-16s', path: ['under16sJustification'],
    }),
  controllersAndProcessors: z.object({
    organisations: z
      .array(z.object({
        name: text('the organisation’s name', 200),
        role: z.enum(['data controller', 'data processor']),
        address: text('the organisation’s address', 500),
        icoRegistrationNumber: z.string().regex(/^[A-Z]{1,2}[0-9A-Z]{6,8}$/, 'an ICO registration number like Z1234567'),
      }))
      .min(1)
      .refine((orgs) => orgs.some((org) => org.role === 'data controller'), 'name at least one data controller'),
  }),
  legalBasis: z.object({
    article6: text('the UK GDPR Article 6 condition', 500),
    article9: text('the UK GDPR Article 9 condition', 500),
    commonLawDuty: z.enum(commonLawBases),
    cagReference: optionalText(100).optional(),
  }),
  ethicalApproval: z
    .object({ required: z.boolean(), details: optionalText(2000) })
    .refine((s) => !s.required || s.details.length > 0, { message: 'give the committee and approval reference', path: ['details'] }),
  securityAssurance: z
    .object({
      dspt: dsptEvidenceSchema.optional(),
      certification: z.object({ kind: text('the certification (ISO 27001 or SLSP)', 50), reference: text('the certificate reference', 200) }).optional(),
    })
    .refine((s) => s.dspt !== undefined || s.certification !== undefined, 'give the DSPT details, or ISO 27001 / SLSP evidence'),
  storageAndTerritory: z.object({
    storageLocation: text('where the data will be stored', 1000),
    cloud: z.object({ provider: text('the cloud provider', 200), region: text('the cloud region', 200) }).optional(),
    outsideUk: z.boolean(),
    territoryOfUse: text('the territory of use', 500),
  }),
  patientObjections: z
    .object({ nationalDataOptOutApplied: z.boolean(), explanation: optionalText(2000) })
    .refine((s) => s.nationalDataOptOutApplied || s.explanation.length > 0, {
      message: 'explain why the national data opt-out is not applied', path: ['explanation'],
    }),
  transparency: z.object({ privacyNoticeUrl: z.url('the privacy notice web address') }),
  subLicensing: z.object({ subLicensed: z.boolean(), onwardSharing: optionalText() }),
  dsaTerm: z.object({ start: isoDate, end: isoDate, use: z.enum(dsaUses) }),
} as const;

export type SectionName = keyof typeof sectionSchemas;
export const sectionNames = Object.keys(sectionSchemas) as SectionName[];
export type SectionContents = { [K in SectionName]: z.infer<(typeof sectionSchemas)[K]> };
export type SectionContent = SectionContents[SectionName];

export const sectionTitles: Readonly<Record<SectionName, string>> = {
  objective: 'Objective for processing',
  processingActivities: 'Processing activities',
  expectedOutcomes: 'Expected outcomes and measurable benefits',
  commercialPurpose: 'Commercial purpose',
  dataRequested: 'Data requested and minimisation',
  controllersAndProcessors: 'Data controllers and processors',
  legalBasis: 'Legal basis',
  ethicalApproval: 'Ethical approval',
  securityAssurance: 'Security assurance',
  storageAndTerritory: 'Storage and territory of use',
  patientObjections: 'Patient objections',
  transparency: 'Transparency',
  subLicensing: 'Sub-licensing and onward sharing',
  dsaTerm: 'DSA term requested',
};
