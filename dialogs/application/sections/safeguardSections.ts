import { londonDate } from '../../../services/domain/calendar';
import { dsptStatuses, type DsaUse } from '../../../services/domain/rules/config';
import { defaultRules } from '../../../services/domain/rules/defaultRules';
import { checkDsaTerm } from '../../../services/domain/rules/dsaTerm';
import { problemsIn } from '../../../services/domain/rules/reason';
import { checkSecurity } from '../../../services/domain/rules/security';
import type { SectionContents } from '../../../services/domain/workflow';
import { answerOf, type Form, type FormQuestion } from '../../forms/form';
import { choice, date, text, yesNo } from '../../forms/readers';

/** Security assurance, storage and territory of use, and the DSA term. */

const evidence = (answers: Parameters<NonNullable<FormQuestion['when']>>[0]) => answerOf(answers, '$evidence');

export const securityQuestions: readonly FormQuestion[] = [
  {
    key: '$evidence',
    label: 'Security assurance',
    ask: 'How is your organisation\'s **security assured**: a **DSPT** assessment, **ISO 27001**, or **SLSP**?',
    help: 'Most organisations publish a Data Security and Protection Toolkit (DSPT) assessment each year. Without one, an ISO 27001 certificate or a System Level Security Policy (SLSP) reviewed by NHS England\'s security team can be used.',
    reader: choice([
      { value: 'DSPT', label: 'DSPT', synonyms: ['data security and protection toolkit', 'toolkit'] },
      { value: 'ISO 27001', label: 'ISO 27001', synonyms: ['iso', 'iso27001'] },
      { value: 'SLSP', label: 'SLSP', synonyms: ['system level security policy'] },
    ]),
    fromContent: (content) => (content.dspt ? 'DSPT' : (content.certification as { kind?: string } | undefined)?.kind),
  },
  {
    key: 'dspt.organisationCode',
    label: 'DSPT organisation code',
    ask: 'What is your organisation\'s **DSPT organisation code**? For example "8HV48" or "EE133863".',
    help: 'The code your organisation\'s DSPT assessment is published under; search for your organisation on the DSPT website to find it.',
    reader: text('EE133863'),
    when: (answers) => evidence(answers) === 'DSPT',
  },
  {
    key: 'dspt.status',
    label: 'DSPT status',
    ask: 'What is the **status** of the latest DSPT assessment?',
    help: `The status shown on the DSPT website: ${dsptStatuses.join(', ')}. NHS England accepts ${defaultRules.security.acceptedDsptStatuses.join(' or ')}.`,
    reader: choice(dsptStatuses.map((status) => ({ value: status, label: status }))),
    when: (answers) => evidence(answers) === 'DSPT',
  },
  {
    key: 'dspt.publishedOn',
    label: 'DSPT publication date',
    ask: 'When was that DSPT assessment **published**? For example "1 September 2025".',
    help: `The date on the DSPT website. It must be within the last ${defaultRules.security.dsptInDateMonths} months to be in date.`,
    reader: date('1 September 2025'),
    when: (answers) => evidence(answers) === 'DSPT',
  },
  {
    key: 'certification.kind',
    label: 'Certification',
    ask: '',
    help: '',
    reader: text(),
    // Never asked: it is the kind chosen above.
    when: () => false,
    otherwise: (answers) => (evidence(answers) === 'DSPT' ? undefined : evidence(answers)),
  },
  {
    key: 'certification.reference',
    label: 'Certificate reference',
    ask: 'What is the **reference** of the certificate or SLSP?',
    help: 'The certificate number (ISO 27001) or the document reference and version (SLSP). NHS England\'s security team reviews it.',
    reader: text('IS 123456'),
    when: (answers) => evidence(answers) !== 'DSPT',
  },
];

export function adviseOnSecurity(content: unknown, now: Date): string[] {
  const section = content as SectionContents['securityAssurance'];
  if (section.certification) {
    return [`NHS England's security team must review the ${section.certification.kind} evidence (${section.certification.reference}) before the application can go ahead; your DARS contact will arrange it.`];
  }
  const outcome = checkSecurity({ ...(section.dspt ? { dspt: section.dspt } : {}) }, londonDate(now));
  return outcome.met ? [] : problemsIn(outcome.reasons);
}

export const storageQuestions: readonly FormQuestion[] = [
  {
    key: 'storageLocation',
    label: 'Storage location',
    ask: 'Where will the data be **stored and processed**? For example "NHS England Secure Data Environment".',
    help: 'Name the environment and its owner: the NHS England Secure Data Environment, or your organisation\'s own servers (say where).',
    reader: text('NHS England Secure Data Environment'),
  },
  {
    key: '$cloud',
    label: 'Cloud storage',
    ask: 'Will the data be stored in the **cloud**? (yes / no)',
    help: 'Say yes if the data sits on a cloud service (for example Microsoft Azure or Amazon Web Services), even as backups.',
    reader: yesNo(),
    fromContent: (content) => content.cloud !== undefined,
  },
  {
    key: 'cloud.provider',
    label: 'Cloud provider',
    ask: 'Which **cloud provider**? For example "Microsoft Azure".',
    help: 'The company providing the cloud service.',
    reader: text('Microsoft Azure'),
    when: (answers) => answerOf(answers, '$cloud') === true,
  },
  {
    key: 'cloud.region',
    label: 'Cloud region',
    ask: 'Which **cloud region** holds the data? For example "UK South".',
    help: 'The provider\'s region or data centre location. A region outside the UK raises the assurance level.',
    reader: text('UK South'),
    when: (answers) => answerOf(answers, '$cloud') === true,
  },
  {
    key: 'outsideUk',
    label: 'Outside the UK',
    ask: 'Will the data be stored or accessed **outside the UK**? (yes / no)',
    help: 'Say yes if anyone will store, view or process the data from outside the UK.',
    reader: yesNo(),
  },
  {
    key: 'territoryOfUse',
    label: 'Territory of use',
    ask: 'In which **territory** will the data be used? For example "England and Wales".',
    help: 'Where the data will be used, for example "England and Wales" or "United Kingdom".',
    reader: text('England and Wales'),
  },
];

const uses: { value: DsaUse; label: string; synonyms: string[] }[] = [
  { value: 'academicArchiving', label: 'academic archiving', synonyms: ['archiving', 'archiving for academic research'] },
  { value: 'commercial', label: 'commercial', synonyms: ['commercial use'] },
  { value: 'subLicence', label: 'sub-licence', synonyms: ['sub licence', 'sublicence', 'sub-license'] },
  { value: 'other', label: 'other', synonyms: ['research', 'other research', 'analysis'] },
];

export const dsaTermQuestions: readonly FormQuestion[] = [
  {
    key: 'start',
    label: 'DSA start date',
    ask: 'When should the **Data Sharing Agreement start**? For example "1 September 2026".',
    help: `The start cannot be in the past and must be within ${defaultRules.dsaTerm.maxStartMonthsAhead} months.`,
    reader: date('1 September 2026'),
  },
  {
    key: 'end',
    label: 'DSA end date',
    ask: 'When should it **end**? For example "31 August 2029".',
    help: 'At most 5 years for archiving for academic research, 1 year for commercial use or a sub-licence, 3 years otherwise.',
    reader: date('31 August 2029'),
  },
  {
    key: 'use',
    label: 'Use of the data',
    ask: 'Which best describes the **use**: **academic archiving**, **commercial**, **sub-licence** or **other**?',
    help: 'The use sets the longest term: 5 years for archiving for academic research, 1 year for commercial use or a sub-licence, 3 years for other uses.',
    reader: choice(uses),
  },
];

/** The term rules the section decides on its own: re-ask the date that breaks them. */
export const checkDsaTermSection: NonNullable<Form['check']> = (content, now) => {
  const term = content as SectionContents['dsaTerm'];
  const outcome = checkDsaTerm({ start: term.start, end: term.end, uses: [term.use] }, londonDate(now));
  const [startReason, endReason] = outcome.reasons;
  if (startReason && !startReason.met) return { key: 'start', problem: `${startReason.text} Please give another start date.` };
  if (endReason && !endReason.met) return { key: 'end', problem: `${endReason.text} Please give another end date.` };
  return undefined;
};
