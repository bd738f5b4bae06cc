/**
 * The words DARS uses for what people answered: one table of labels (keyed by the field's path,
 * e.g. `dspt.publishedOn`, or by its key alone where the key means the same everywhere) and one
 * of value words per field (`commonLawDuty: notApplicable` → "Not applicable (de-identified
 * data)"). Data, not code: a new field is a new row, and `plainFacts.test.ts` fails on a field
 * that has none, so no card ever shows a field key.
 */
export const fieldLabels: Readonly<Record<string, string>> = {
  // Objective for processing
  aim: 'Aim',
  howTheDataAchievesIt: 'How the data achieves the aim',
  dataSubjects: 'Data subjects',
  widerProgramme: 'Wider programme',
  // Processing activities, outcomes, commercial purpose
  description: 'Description',
  outcomes: 'Expected outcomes',
  measurableBenefits: 'Measurable benefits',
  commercial: 'Commercial purpose',
  details: 'Details',
  // Data requested
  datasets: 'Datasets',
  level: 'Level of data',
  years: 'Years of data',
  filters: 'Filters',
  fields: 'Fields',
  includesUnder16s: 'Includes children under 16',
  under16sJustification: 'Why data on children under 16 is needed',
  // Controllers and processors
  organisations: 'Organisations',
  // Legal basis
  article6: 'UK GDPR Article 6 condition',
  article9: 'UK GDPR Article 9 condition',
  commonLawDuty: 'Common law duty of confidentiality',
  cagReference: 'CAG reference',
  // Ethical approval
  required: 'Ethical approval required',
  // Security assurance
  dspt: 'DSPT',
  'dspt.organisationCode': 'DSPT organisation code',
  'dspt.status': 'DSPT status',
  'dspt.publishedOn': 'DSPT published on',
  certification: 'Certification',
  'certification.kind': 'Certification',
  'certification.reference': 'Certificate reference',
  // Storage and territory
  storageLocation: 'Where the data is stored',
  cloud: 'Cloud',
  'cloud.provider': 'Cloud provider',
  'cloud.region': 'Cloud region',
  outsideUk: 'Outside the UK',
  territoryOfUse: 'Territory of use',
  // Patient objections, transparency, sub-licensing
  nationalDataOptOutApplied: 'National data opt-out applied',
  explanation: 'Why the opt-out is not applied',
  privacyNoticeUrl: 'Privacy notice',
  subLicensed: 'Sub-licensed',
  onwardSharing: 'Onward sharing',
  // DSA term
  start: 'Start',
  end: 'End',
  use: 'Use',
};

/** Words for the values of a field with a fixed set of answers, keyed by the field. */
export const valueWords: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  commonLawDuty: { consent: 'Consent', s251: 's251 support', notApplicable: 'Not applicable (de-identified data)' },
  level: { aggregate: 'Aggregate', pseudonymised: 'Pseudonymised', identifiable: 'Identifiable' },
  use: { academicArchiving: 'Academic archiving', commercial: 'Commercial', subLicence: 'Sub-licence', other: 'Other' },
};
