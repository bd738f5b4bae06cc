import { accept, reject, type AnswerCheck } from './answerCheck';
import { closestMatch } from './closestMatch';
import { organisationRoles, type Organisation, type OrganisationRole } from './enquiry';
import { plainInMarkdown } from '../text/markdownText';

/**
 * Checks of the third part of an enquiry: the organisations involved and their roles, typed as
 * "University of Leeds - data controller; Acme Analytics Ltd - data processor".
 */

const roleSpellings: Record<OrganisationRole, readonly string[]> = {
  'data controller': ['data controller', 'controller', 'joint data controller', 'joint controller'],
  'data processor': ['data processor', 'processor'],
  funder: ['funder', 'funding', 'sponsor'],
};

export const organisationsExample = 'University of Leeds - data controller; Acme Analytics Ltd - data processor; Wellcome Trust - funder';

export function checkOrganisations(text: string): AnswerCheck<Organisation[]> {
  const entries = text.split(/[;\n]/).map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return reject(`Please list each organisation with its role, for example: "${organisationsExample}".`);

  const organisations: Organisation[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const split = /^(.+?)\s*(?:[-–—:,(]|\bas\b)\s*(?:the\s+|a\s+|an\s+)?([A-Za-z ]+?)\)?$/i.exec(entry);
    if (!split) {
      problems.push(`"${plainInMarkdown(entry)}" has no role. Write it as "name - role", where the role is data controller, data processor or funder.`);
      continue;
    }
    const [, name, typedRole] = split;
    const role = roleOf(typedRole);
    if (!role) {
      const suggestion = closestMatch(typedRole.toLowerCase(), organisationRoles, (r) => roleSpellings[r]);
      problems.push(
        `"${plainInMarkdown(typedRole.trim())}" is not a role I know for ${plainInMarkdown(name.trim())}.` +
          (suggestion ? ` Did you mean "${suggestion}"?` : ' The roles are data controller, data processor and funder.'),
      );
      continue;
    }
    if (name.trim().length < 2) {
      problems.push(`"${plainInMarkdown(entry)}" needs the organisation's full name.`);
      continue;
    }
    organisations.push({ name: name.trim(), role });
  }
  if (problems.length > 0) return reject(`${problems.join('\n\n')}\n\nPlease send the whole list again.`);
  if (!organisations.some((organisation) => organisation.role === 'data controller')) {
    return reject(
      'Every request needs at least one data controller: the organisation that decides why and how the data is used. ' +
        'Please add it, for example "University of Leeds - data controller".',
    );
  }
  return accept(organisations);
}

function roleOf(typed: string): OrganisationRole | undefined {
  const key = typed.trim().toLowerCase();
  return organisationRoles.find((role) => roleSpellings[role].includes(key));
}
