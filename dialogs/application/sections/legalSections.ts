import { accept, reject } from '../../../services/domain/enquiry/answerCheck';
import { defaultRules } from '../../../services/domain/rules/defaultRules';
import { answerOf, type FormQuestion, type Reader } from '../../forms/form';
import { choice, optionalText, text, webAddress, yesNo } from '../../forms/readers';
import { plainInMarkdown } from '../../../services/domain/text/markdownText';

/** Legal basis, ethics, patient objections, transparency, sub-licensing. */

/** A CAG reference, checked against the configured pattern so a typo is caught now, not at submission. */
function cagReference(): Reader<string> {
  const pattern = new RegExp(defaultRules.commonLawDuty.cagReferencePattern);
  return {
    read: (typed) => {
      const value = typed.trim();
      return pattern.test(value) ? accept(value) : reject(`"${plainInMarkdown(value)}" does not look like a CAG reference. Write it like "21/CAG/0123".`);
    },
    show: (value) => value,
  };
}

export const legalBasisQuestions: readonly FormQuestion[] = [
  {
    key: 'article6',
    label: 'UK GDPR Article 6 condition',
    ask: 'Which **UK GDPR Article 6** condition applies? For example "6(1)(e) public task".',
    help: 'The lawful basis for processing personal data. Universities and NHS bodies usually rely on 6(1)(e) public task; companies on 6(1)(f) legitimate interests.',
    reader: text('6(1)(e) public task'),
  },
  {
    key: 'article9',
    label: 'UK GDPR Article 9 condition',
    ask: 'Which **UK GDPR Article 9** condition applies to the health data? For example "9(2)(j) research".',
    help: 'The condition for special category (health) data: usually 9(2)(j) archiving, research and statistics, or 9(2)(h) health or social care.',
    reader: text('9(2)(j) research'),
  },
  {
    key: 'commonLawDuty',
    label: 'Common law duty of confidentiality',
    ask: 'How is the **common law duty of confidentiality** met: **consent**, **s251** support, or **not applicable** (the data is not identifiable)?',
    help: 'Identifiable data needs the data subjects\' consent or s251 support from the Confidentiality Advisory Group (CAG). "Not applicable" is only for data that is not identifiable.',
    reader: choice([
      { value: 'consent', label: 'consent' },
      { value: 's251', label: 's251', synonyms: ['s251 support', 'section 251', 'cag'] },
      { value: 'notApplicable', label: 'not applicable', synonyms: ['n/a', 'na', 'none'] },
    ]),
  },
  {
    key: 'cagReference',
    label: 'CAG reference',
    ask: 'What is the **CAG reference** for the s251 support? For example "21/CAG/0123".',
    help: 'The reference on the Confidentiality Advisory Group\'s letter of support, like 21/CAG/0123.',
    reader: cagReference(),
    when: (answers) => answerOf(answers, 'commonLawDuty') === 's251',
  },
];

export const ethicsQuestions: readonly FormQuestion[] = [
  {
    key: 'required',
    label: 'Ethical approval',
    ask: 'Does the work need **ethical approval** (for example from a Research Ethics Committee)? (yes / no)',
    help: 'Research usually needs approval from a Research Ethics Committee (REC). Service evaluation and audit often do not.',
    reader: yesNo(),
  },
  {
    key: 'details',
    label: 'Ethical approval details',
    ask: 'Which **committee** approved it, and what is the **approval reference**? For example "Leeds East REC, 24/YH/0001".',
    help: 'The committee\'s name and the reference on its favourable opinion letter.',
    reader: text('Leeds East REC, 24/YH/0001'),
    when: (answers) => answerOf(answers, 'required') === true,
    otherwise: () => '',
  },
];

export const objectionsQuestions: readonly FormQuestion[] = [
  {
    key: 'nationalDataOptOutApplied',
    label: 'National data opt-out',
    ask: 'Will the **national data opt-out** be applied to the data? (yes / no)',
    help: 'The national data opt-out lets patients stop their confidential information being used beyond their care. It applies to most uses of confidential data without consent.',
    reader: yesNo(),
  },
  {
    key: 'explanation',
    label: 'Why the opt-out is not applied',
    ask: 'Why will the **national data opt-out not be applied**?',
    help: 'For example: the data is not confidential (anonymised), the data subjects consented, or there is an exemption (say which).',
    reader: text('The data subjects gave explicit consent'),
    when: (answers) => answerOf(answers, 'nationalDataOptOutApplied') === false,
    otherwise: () => '',
  },
];

export const transparencyQuestions: readonly FormQuestion[] = [
  {
    key: 'privacyNoticeUrl',
    label: 'Privacy notice',
    ask: 'What is the web address of your **privacy notice** for this work? For example "https://www.example.ac.uk/privacy".',
    help: 'The public page that tells people how their data is used in this work. It must be published before data is shared.',
    reader: webAddress(),
  },
];

export const subLicensingQuestions: readonly FormQuestion[] = [
  {
    key: 'subLicensed',
    label: 'Sub-licensing',
    ask: 'Will the data be **sub-licensed** to another organisation? (yes / no)',
    help: 'Sub-licensing means another organisation receives the data under your agreement. It limits the DSA to one year and raises the assurance level.',
    reader: yesNo(),
  },
  {
    key: 'onwardSharing',
    label: 'Onward sharing',
    ask: 'Will any data or outputs be **shared onward**? Say with whom and what, or say **none**.',
    help: 'Anything beyond published aggregate results: for example record-level extracts shared with a partner. Say "none" if nothing is shared onward.',
    reader: optionalText(),
  },
];
