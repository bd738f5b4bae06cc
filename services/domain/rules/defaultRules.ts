import { englandAndWalesBankHolidays } from '../calendar/bankHolidays';
import type { RulesConfig } from './config';

/**
 * NHS England's current rules (DOMAIN.md "Rules the bot checks"), plus the service's own
 * choices where the guidance is silent — each marked "our choice" so a policy owner can find it.
 */
export const defaultRules: RulesConfig = {
  dsaTerm: {
    maxStartMonthsAhead: 12,
    maxYearsByUse: { academicArchiving: 5, commercial: 1, subLicence: 1, other: 3 },
    useLabels: {
      academicArchiving: 'archiving for academic research',
      commercial: 'commercial use',
      subLicence: 'a sub-licence',
      other: 'this use',
    },
  },
  security: {
    acceptedDsptStatuses: ['Standards Met', 'Standards Exceeded'],
    // Our choice: DSPT assessments are published yearly, so "in date" = published in the last 12 months.
    dsptInDateMonths: 12,
    certifications: ['ISO 27001', 'SLSP'],
  },
  commonLawDuty: {
    // Current CAG references look like 21/CAG/0123; older ones like "CAG 8-03(PR11)/2013".
    cagReferencePattern: '^(\\d{2}/CAG/\\d{4}|CAG [0-9A-Za-z()/.-]+)$',
  },
  assurance: {
    levels: [
      { id: 'standard', label: 'Standard' },
      { id: 'medium', label: 'Medium' },
      { id: 'complex', label: 'Complex' },
    ],
    defaultLevel: 'standard',
    criteria: [
      { fact: 'novelOrContentious', level: 'complex', reason: 'The use is novel or contentious.' },
      { fact: 'commercial', level: 'complex', reason: 'The purpose is commercial.' },
      { fact: 'identifiableWithoutConsent', level: 'complex', reason: 'Identifiable data is requested without consent.' },
      { fact: 'subLicensed', level: 'complex', reason: 'The data will be sub-licensed.' },
      { fact: 'gpData', level: 'medium', reason: 'The request includes GP data.' },
      { fact: 'recordLevel', level: 'medium', reason: 'Record-level data is requested.' },
      { fact: 'cloudOutsideUk', level: 'medium', reason: 'The data will be stored in the cloud outside the UK.' },
    ],
    agdLevels: ['complex'],
  },
  charges: {
    tariffs: [
      {
        effectiveFrom: '2026-04-01',
        fees: { newApplication: 143_100, amendment: 113_800, renewal: 113_800, extension: 113_800, annualReview: 69_400 },
      },
    ],
    accessServices: {
      // The access services publish their own charges; set them here when known.
      secureDataEnvironment: { name: 'NHS England Secure Data Environment', annualChargePence: null, serviceAgreementRequired: true },
      dissemination: { name: 'Data dissemination', annualChargePence: null, serviceAgreementRequired: false },
    },
  },
  cohortFile: {
    maxRows: 1_000_000,
    columns: {
      uniqueReference: 'UNIQUE REFERENCE',
      status: 'STATUS',
      dateOfBirth: 'DATE OF BIRTH',
      personMinDate: 'PERSON_MIN_DATE',
      personMaxDate: 'PERSON_MAX_DATE',
    },
    dateFormats: ['YYYY-MM-DD'],
    maxListedRanges: 5_000,
    maxSummaryChars: 3_000,
  },
  clocks: {
    // Our choice of service targets, in working days; the policy owner sets the real ones.
    targets: { enquiry: 5, preliminaryAssessment: 20, application: 10, assurance: 30, approval: 5, dsa: 10, access: 10 },
    applicantResponseWorkingDays: 20,
    reminderLeadWorkingDays: 2,
    // DOMAIN: the cohort file reminder goes 5 days before it is due (we count working days).
    cohortFileReminderWorkingDays: 5,
  },
  calendar: englandAndWalesBankHolidays,
};
