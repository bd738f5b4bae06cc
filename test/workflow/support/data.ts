import type { Enquiry } from '../../../services/domain/enquiry/enquiry';
import type { CaseCommand, SectionContents, SectionName } from '../../../services/domain/workflow';
import type { PreliminaryAssessment } from '../../../services/domain/workflow/commands/shapes';
import { carl } from './people';

/** Realistic case content for the workflow tests. Time in these tests starts on Monday 1 June 2026. */
export const START = new Date('2026-06-01T09:00:00Z');
export const REFERENCE = 'DARS-2026-00042';
export const NIC = 'NIC-123456-AB1C2';
export const HASH_A = 'a'.repeat(64);
export const HASH_B = 'b'.repeat(64);
export const HASH_C = 'c'.repeat(64);

export const hesApc = { code: 'HES-APC', name: 'Hospital Episode Statistics Admitted Patient Care', containsGpData: false };
export const gdppr = { code: 'GDPPR', name: 'General Practice Extraction Service Data for Pandemic Planning and Research', containsGpData: true };

export function enquiry(options: { gpData?: boolean } = {}): Enquiry {
  return {
    dataWanted: { datasets: options.gpData ? [hesApc, gdppr] : [hesApc], period: { from: '2015-04', to: '2024-03' }, level: 'pseudonymised' },
    purpose: 'To study emergency readmission after hip replacement surgery across England, by hospital and year.',
    organisations: [{ name: 'University of Leeds', role: 'data controller' }],
    readiness: { stage: 'ready to apply', targetDate: '2026-09-01' },
  };
}

export function assessment(options: { novel?: boolean; cohort?: boolean } = {}): PreliminaryAssessment {
  return {
    accessService: { service: 'secureDataEnvironment' },
    novelOrContentious: options.novel ?? false,
    legalAndEthicalEvidence: ['ethics approval'],
    cohortSubmissionNeeded: options.cohort ?? true,
    agreements: [{ agreement: 'Data Sharing Agreement', signatory: 'Carl Controller' }],
    dataControllerSignatory: { id: carl.id, name: carl.name, email: 'carl.controller@leeds.example.ac.uk', organisation: 'University of Leeds' },
    security: {
      cloudStorage: { used: false, outsideUk: false },
      evidence: { dspt: { organisationCode: 'EE133863', status: 'Standards Met', publishedOn: '2025-09-01' } },
    },
    timeEstimate: { workingDays: 60 },
    charging: { chargeType: 'newApplication', agreementYears: 3 },
  };
}

export function sections(options: { gpData?: boolean } = {}): SectionContents {
  return {
    objective: {
      aim: 'Measure emergency readmission within 30 days of elective hip replacement.',
      howTheDataAchievesIt: 'Linked admitted patient care records show each readmission.',
      dataSubjects: 'Adults with an elective hip replacement, 2015 to 2024.\nNo control group.',
      widerProgramme: '',
    },
    processingActivities: { description: 'Analysis in the Secure Data Environment by two named analysts.' },
    expectedOutcomes: { outcomes: 'A peer-reviewed paper.', measurableBenefits: 'Guidance to reduce readmissions by 5%.' },
    commercialPurpose: { commercial: false, details: '' },
    dataRequested: {
      datasets: options.gpData ? [hesApc, gdppr] : [hesApc],
      level: 'pseudonymised',
      years: '2015/16 to 2023/24',
      filters: 'Procedure codes W37–W39',
      fields: [{ name: 'Admission date', identifiableOrSensitive: false, justification: '' }],
      includesUnder16s: false,
      under16sJustification: '',
    },
    controllersAndProcessors: {
      organisations: [{ name: 'University of Leeds', role: 'data controller', address: 'Woodhouse, Leeds LS2 9JT', icoRegistrationNumber: 'Z5764840' }],
    },
    legalBasis: { article6: '6(1)(e) public task', article9: '9(2)(j) research', commonLawDuty: 'notApplicable' },
    ethicalApproval: { required: true, details: 'Leeds East REC, 24/YH/0001' },
    securityAssurance: { dspt: { organisationCode: 'EE133863', status: 'Standards Met', publishedOn: '2025-09-01' } },
    storageAndTerritory: { storageLocation: 'NHS England Secure Data Environment', outsideUk: false, territoryOfUse: 'England and Wales' },
    patientObjections: { nationalDataOptOutApplied: true, explanation: '' },
    transparency: { privacyNoticeUrl: 'https://www.leeds.ac.uk/privacy/hip-readmission' },
    subLicensing: { subLicensed: false, onwardSharing: '' },
    dsaTerm: { start: '2026-09-01', end: '2029-08-31', use: 'other' },
  };
}

export function saveSection<K extends SectionName>(section: K, content: SectionContents[K]): CaseCommand {
  // The command union pairs each section with its own content; this builds one pair.
  return { type: 'saveApplicationSection', section, content } as CaseCommand;
}

export function saveAllSections(content: SectionContents = sections()): CaseCommand[] {
  return (Object.keys(content) as SectionName[]).map((name) => saveSection(name, content[name]));
}

export const dsaTerms = { start: '2026-09-01', end: '2029-08-31', use: 'other' as const, cohortFileWithinWorkingDays: 20 };

export const generateDsa = (contentHash: string = HASH_A): CaseCommand => ({
  type: 'generateDsa', contentHash, documentName: `${NIC} Data Sharing Agreement.docx`, terms: dsaTerms,
});

/** The ethics approval letter the assessment asks for (`legalAndEthicalEvidence`), as the bot records it once kept. */
export const ethicsLetter = {
  type: 'attachEvidence', fileId: 'file-0000-0001', kind: 'ethicsApproval', fileName: 'ethics-approval.pdf', size: 84_000, sha256: 'a'.repeat(64),
} as const;
