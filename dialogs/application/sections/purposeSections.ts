import { answerOf, type FormQuestion } from '../../forms/form';
import { optionalText, text, yesNo } from '../../forms/readers';

/** The purpose sections of the application: objective, processing, outcomes, commercial purpose. */

export const objectiveQuestions: readonly FormQuestion[] = [
  {
    key: 'aim',
    label: 'Aim',
    ask: 'What is the **aim** of the processing: the question the work will answer?',
    help: 'One or two sentences on what you want to find out, for example "Measure emergency readmission within 30 days of elective hip replacement."',
    reader: text('Measure emergency readmission within 30 days of hip replacement'),
  },
  {
    key: 'howTheDataAchievesIt',
    label: 'How the data achieves the aim',
    ask: '**How will the data achieve that aim?** Say what the records show that answers your question.',
    help: 'Explain the link between the data and the aim, for example "Linked admitted patient care records show each readmission and its cause."',
    reader: text('Linked admitted patient care records show each readmission'),
  },
  {
    key: 'dataSubjects',
    label: 'Data subjects',
    ask: 'Who are the **data subjects**? Describe the cohort, and any control group.',
    help: 'The people whose records you need: who is in the cohort (e.g. "adults with an elective hip replacement, 2015 to 2024") and any control or comparison group.',
    reader: text('Adults with an elective hip replacement, 2015 to 2024; no control group'),
  },
  {
    key: 'widerProgramme',
    label: 'Wider programme',
    ask: 'Is this part of a **wider programme** of work? Describe it, or say **none**.',
    help: 'If the work belongs to a larger study or programme (for example an NIHR-funded programme), name it and say how this request fits in. Otherwise say "none".',
    reader: optionalText(),
  },
];

export const processingQuestions: readonly FormQuestion[] = [
  {
    key: 'description',
    label: 'Processing activities',
    ask: 'Describe the **processing activities**: who will handle the data, where, and what they will do with it (linkage, analysis, outputs).',
    help: 'Say who will access the data (roles, not names), where (e.g. the Secure Data Environment), what they will do (link, clean, analyse) and what leaves the environment (aggregate outputs with small numbers suppressed).',
    reader: text('Two analysts will analyse the data in the Secure Data Environment'),
  },
];

export const outcomesQuestions: readonly FormQuestion[] = [
  {
    key: 'outcomes',
    label: 'Expected outcomes',
    ask: 'What are the **expected outcomes**: what will the work produce?',
    help: 'The outputs, for example "a peer-reviewed paper and a report to NHS trusts".',
    reader: text('A peer-reviewed paper and a report to NHS trusts'),
  },
  {
    key: 'measurableBenefits',
    label: 'Measurable benefits',
    ask: 'What are the **measurable benefits** to health and care, and how will you measure them?',
    help: 'A benefit someone could check, for example "guidance that reduces readmissions by 5% within two years".',
    reader: text('Guidance that reduces readmissions by 5% within two years'),
  },
];

export const commercialQuestions: readonly FormQuestion[] = [
  {
    key: 'commercial',
    label: 'Commercial purpose',
    ask: 'Is there any **commercial purpose** to the work? (yes / no)',
    help: 'Say yes if any organisation will make money from the work or its outputs, including products or services built on them. A commercial purpose means a DSA of at most one year and a higher assurance level.',
    reader: yesNo(),
  },
  {
    key: 'details',
    label: 'Commercial purpose details',
    ask: 'Describe the **commercial purpose**: who benefits commercially, and how.',
    help: 'Name the organisation that benefits and how (a product, a service, a licence), and why it is in the interest of health and care.',
    reader: text('A licence for the risk model to NHS trusts'),
    when: (answers) => answerOf(answers, 'commercial') === true,
    otherwise: () => '',
  },
];
