import { accept, reject } from '../../services/domain/enquiry/answerCheck';
import { checkDatasets } from '../../services/domain/enquiry/dataWantedAnswers';
import type { RequestedDataset } from '../../services/domain/enquiry/enquiry';
import type { SectionContents } from '../../services/domain/workflow';
import type { Reader } from '../forms/form';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * Readers for the answers that are lists: datasets, dataset fields, organisations. Each item is
 * checked on its own, so a problem names the item ("NHS number", "University of Leeds").
 */

type Field = SectionContents['dataRequested']['fields'][number];
type Organisation = SectionContents['controllersAndProcessors']['organisations'][number];

const items = (typed: string, separator: RegExp) => typed.split(separator).map((item) => item.trim()).filter(Boolean);

export function datasets(): Reader<RequestedDataset[]> {
  return { read: (typed) => checkDatasets(typed), show: (value) => value.map((dataset) => dataset.name).join(', ') };
}

export const fieldsExample = 'Admission date; Procedure code; NHS number (identifiable): to link the two datasets';

/** "Name" or "Name (identifiable): why it is needed", separated by semicolons or lines. */
export function datasetFields(): Reader<Field[]> {
  return {
    read: (typed) => {
      const fields: Field[] = [];
      for (const item of items(typed, /[;\n]/)) {
        const marked = /^(.+?)\s*\((identifiable|sensitive|identifiable or sensitive)\)\s*(?::\s*(.*))?$/i.exec(item);
        if (!marked) {
          fields.push({ name: item.replace(/:.*$/, '').trim(), identifiableOrSensitive: false, justification: '' });
          continue;
        }
        const [, name = '', kind = '', why = ''] = marked;
        if (why.trim() === '') {
          return reject(`"${plainInMarkdown(name)}" is marked ${kind.toLowerCase()}: say why you need it after a colon, for example "${plainInMarkdown(name)} (${kind.toLowerCase()}): to link the records".`);
        }
        fields.push({ name: name.trim(), identifiableOrSensitive: true, justification: why.trim() });
      }
      if (fields.length === 0) return reject(`Please list the fields you want, for example "${fieldsExample}".`);
      return accept(fields);
    },
    show: (value) =>
      value.map((field) => (field.identifiableOrSensitive ? `${field.name} (identifiable or sensitive): ${field.justification}` : field.name)).join('; '),
  };
}

export const organisationsExample = 'University of Leeds | data controller | Woodhouse, Leeds LS2 9JT | Z5764840';

const roles: Readonly<Record<string, Organisation['role']>> = {
  'data controller': 'data controller',
  controller: 'data controller',
  'joint data controller': 'data controller',
  'data processor': 'data processor',
  processor: 'data processor',
};

/** One organisation per line (or separated by semicolons): name | role | address | ICO registration number. */
export function organisations(): Reader<Organisation[]> {
  return {
    read: (typed) => {
      const found: Organisation[] = [];
      for (const item of items(typed, /[;\n]/)) {
        const parts = item.split('|').map((part) => part.trim());
        const [name = '', roleText = '', address = '', ico = ''] = parts;
        if (parts.length !== 4 || parts.some((part) => part === '')) {
          return reject(`I need four parts for "${plainInMarkdown(name || item)}", separated by |: name | role | address | ICO registration number. For example "${organisationsExample}".`);
        }
        const role = roles[roleText.toLowerCase()];
        if (!role) return reject(`"${plainInMarkdown(roleText)}" is not a role for ${plainInMarkdown(name)}: it is either **data controller** or **data processor**.`);
        const registration = ico.toUpperCase().replace(/\s+/g, '');
        if (!/^[A-Z]{1,2}[0-9A-Z]{6,8}$/.test(registration)) {
          return reject(`"${plainInMarkdown(ico)}" doesn't look like an ICO registration number for ${plainInMarkdown(name)}: it is one or two letters and then six to eight letters or digits, like Z1234567. You can look it up on the ICO register.`);
        }
        found.push({ name, role, address, icoRegistrationNumber: registration });
      }
      if (found.length === 0) return reject(`Please list the organisations, for example "${organisationsExample}".`);
      return accept(found);
    },
    show: (value) => value.map((org) => `${org.name} | ${org.role} | ${org.address} | ${org.icoRegistrationNumber}`).join('; '),
  };
}
