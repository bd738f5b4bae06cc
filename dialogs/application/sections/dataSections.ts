import { dataLevels } from '../../../services/domain/enquiry/enquiry';
import { listDatasets } from '../../../services/domain/enquiry/dataWantedAnswers';
import { answerOf, type FormQuestion } from '../../forms/form';
import { choice, optionalText, text, yesNo } from '../../forms/readers';
import { datasetFields, datasets, fieldsExample, organisations, organisationsExample } from '../listReaders';

/** The data sections: the data requested (with minimisation), and the controllers and processors. */

export const dataRequestedQuestions: readonly FormQuestion[] = [
  {
    key: 'datasets',
    label: 'Datasets',
    ask: 'Which **datasets** do you need? Separate them with commas, for example "HES Admitted Patient Care, Civil Registration (Deaths)".',
    help: `Name each NHS England dataset by its name or code. These are the datasets I know:\n\n${listDatasets()}`,
    reader: datasets(),
  },
  {
    key: 'level',
    label: 'Level of data',
    ask: 'At what **level** do you need the data: **aggregate**, **pseudonymised** or **identifiable**?',
    help: 'Aggregate: counts only. Pseudonymised: a record per person without direct identifiers. Identifiable: with identifiers such as NHS number; this needs consent or s251 support.',
    reader: choice(dataLevels.map((level) => ({ value: level, label: level, synonyms: level === 'pseudonymised' ? ['pseudonymized', 'pseudonymous'] : [] }))),
  },
  {
    key: 'years',
    label: 'Years of data',
    ask: 'Which **years** of data do you need? For example "2015/16 to 2023/24".',
    help: 'The financial or calendar years the records should cover. Ask only for the years your question needs (data minimisation).',
    reader: text('2015/16 to 2023/24'),
  },
  {
    key: 'filters',
    label: 'Filters',
    ask: 'Which **filters** narrow the data (for example procedure codes, ages or regions)? Say **none** if there are none.',
    help: 'Filters keep the data to what you need: for example "OPCS procedure codes W37–W39, patients aged 18 and over".',
    reader: optionalText(),
  },
  {
    key: 'fields',
    label: 'Fields',
    ask:
      'Which **fields** do you need? Separate them with semicolons. Mark any identifiable or sensitive field and say why you need it, ' +
      `for example "${fieldsExample}".`,
    help:
      'List only the fields your analysis uses. A field is identifiable if it could identify someone (NHS number, postcode, date of birth) and sensitive if ' +
      'it is special category data (ethnicity, diagnosis). Write those as "Name (identifiable): why you need it".',
    reader: datasetFields(),
  },
  {
    key: 'includesUnder16s',
    label: 'Data on under-16s',
    ask: 'Does the data include people **under 16**? (yes / no)',
    help: 'Say yes if any records may be about children under 16; you will be asked to justify it.',
    reader: yesNo(),
  },
  {
    key: 'under16sJustification',
    label: 'Justification for data on under-16s',
    ask: 'Why do you need data on **under-16s**?',
    help: 'Explain why children must be included, for example "Hip dysplasia is treated in childhood, so the cohort starts at birth."',
    reader: text('The condition is treated in childhood'),
    when: (answers) => answerOf(answers, 'includesUnder16s') === true,
    otherwise: () => '',
  },
];

export const controllersQuestions: readonly FormQuestion[] = [
  {
    key: 'organisations',
    label: 'Data controllers and processors',
    ask:
      'List the **data controllers and processors**, one per line (or separated by semicolons), each as ' +
      `name | role | address | ICO registration number, for example "${organisationsExample}".`,
    help:
      'The data controller decides why and how the data is used; a data processor handles it on the controller\'s instructions. ' +
      'At least one data controller is needed. The ICO registration number is on the ICO register of fee payers (like Z1234567).',
    reader: organisations(),
  },
];
