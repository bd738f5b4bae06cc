import type { AnswerCheck } from '../../services/domain/enquiry/answerCheck';
import { checkDatasets, checkLevel, checkPeriod, listDatasets } from '../../services/domain/enquiry/dataWantedAnswers';
import { type Enquiry, type EnquiryPart } from '../../services/domain/enquiry/enquiry';
import { checkOrganisations, organisationsExample } from '../../services/domain/enquiry/organisationsAnswer';
import { checkPurpose } from '../../services/domain/enquiry/purposeAnswer';
import { checkReadinessStage, checkTargetDate } from '../../services/domain/enquiry/readinessAnswers';

/**
 * The questions of an enquiry, in order, as data: what to ask, how to check the answer, what
 * "help" says. The dialog is generic over this list; a new question is a new entry here.
 */
export interface EnquiryQuestion {
  readonly id: keyof EnquiryAnswers;
  readonly part: EnquiryPart;
  readonly ask: string;
  readonly help: string;
  /** Quick replies offered as buttons (Teams shows suggested actions in 1:1 chats). */
  readonly choices?: readonly string[];
  check(text: string, now: Date): AnswerCheck<unknown>;
  /** A keyword this question answers with information instead of an answer (e.g. "datasets"). */
  inform?(text: string): string | undefined;
}

export interface EnquiryAnswers {
  datasets?: Enquiry['dataWanted']['datasets'];
  period?: Enquiry['dataWanted']['period'];
  level?: Enquiry['dataWanted']['level'];
  purpose?: string;
  organisations?: Enquiry['organisations'];
  readinessStage?: Enquiry['readiness']['stage'];
  targetDate?: string;
}

export const enquiryQuestions: readonly EnquiryQuestion[] = [
  {
    id: 'datasets',
    part: 'dataWanted',
    ask: '**Part 1 of 4: the data you want.** Which NHS England datasets do you want? Separate them with commas, for example "HES Admitted Patient Care, Civil Registration (Deaths)".',
    help: 'Name each dataset you need, by its name or code, separated by commas. Say **datasets** to see every dataset I know.',
    check: (text) => checkDatasets(text),
    inform: (text) => (/^(datasets|list|list datasets)$/i.test(text.trim()) ? `These are the datasets I know:\n\n${listDatasets()}` : undefined),
  },
  {
    id: 'period',
    part: 'dataWanted',
    ask: 'Which period should the data cover? Give a start and an end month, for example "April 2019 to March 2024".',
    help: 'The months the records should cover, first and last, like "April 2019 to March 2024" or "2019-04 to 2024-03".',
    check: (text, now) => checkPeriod(text, now),
  },
  {
    id: 'level',
    part: 'dataWanted',
    ask: 'At what level do you need the data: **aggregate**, **pseudonymised** or **identifiable**?',
    help: 'Aggregate: counts and statistics, no records about individuals. Pseudonymised: a record per person without direct identifiers. Identifiable: records with identifiers such as NHS number; this needs consent or s251 support.',
    choices: ['aggregate', 'pseudonymised', 'identifiable'],
    check: (text) => checkLevel(text),
  },
  {
    id: 'purpose',
    part: 'purpose',
    ask: '**Part 2 of 4: why you want it.** In two or three sentences, what do you want to find out, and who will benefit?',
    help: 'A short summary is enough here: the question you want to answer, how this data helps, and the benefit to health and care. The detail comes later, in the application.',
    check: (text) => checkPurpose(text),
  },
  {
    id: 'organisations',
    part: 'organisations',
    ask: `**Part 3 of 4: organisations involved.** List each organisation and its role (data controller, data processor or funder), separated by semicolons, for example "${organisationsExample}".`,
    help: 'The data controller decides why and how the data is used; a data processor handles it on the controller\'s instructions; a funder pays for the work. Put each organisation as "name - role", separated by semicolons.',
    check: (text) => checkOrganisations(text),
  },
  {
    id: 'readinessStage',
    part: 'readiness',
    ask: '**Part 4 of 4: how ready you are.** Are you **exploring**, preparing a **funding bid**, or **ready to apply**?',
    help: 'Exploring: finding out whether the data exists and could be used. Funding bid: you need a view from NHS England for a bid. Ready to apply: you have funding and want to start the application.',
    choices: ['exploring', 'funding bid', 'ready to apply'],
    check: (text) => checkReadinessStage(text),
  },
  {
    id: 'targetDate',
    part: 'readiness',
    ask: 'By what date do you hope to have the data? For example "1 March 2027".',
    help: 'The date you would like access by. It helps staff plan; it is not a promise. Write it like "1 March 2027" or "01/03/2027".',
    check: (text, now) => checkTargetDate(text, now),
  },
];

/** The whole enquiry once every question is answered, else undefined. */
export function completeEnquiry(answers: EnquiryAnswers): Enquiry | undefined {
  const { datasets, period, level, purpose, organisations, readinessStage, targetDate } = answers;
  if (!datasets || !period || !level || !purpose || !organisations || !readinessStage || !targetDate) return undefined;
  return {
    dataWanted: { datasets, period, level },
    purpose,
    organisations,
    readiness: { stage: readinessStage, targetDate },
  };
}

/** The answers with one part's questions cleared, so the dialog asks them again. */
export function withoutPart(answers: EnquiryAnswers, part: EnquiryPart): EnquiryAnswers {
  const kept: EnquiryAnswers = { ...answers };
  for (const question of enquiryQuestions) if (question.part === part) delete kept[question.id];
  return kept;
}
