import type { RulesConfig } from '../config';

/**
 * The header row of a cohort file: where each required column is, and what is wrong with it.
 * Names match ignoring case and surrounding spaces. A column the DSA does not allow is a
 * problem: the file may carry only the items the agreement lists.
 */
export interface CohortColumns {
  readonly width: number;
  /** Column indices; -1 when the column is absent (its row checks are then skipped). */
  readonly uniqueReference: number;
  readonly status: number;
  readonly dateOfBirth: number;
  readonly personMinDate: number;
  readonly personMaxDate: number;
}

export interface HeaderOptions {
  readonly allowedItems?: readonly string[];
  readonly datesMinimised?: boolean;
}

export function cohortHeader(
  fields: readonly string[],
  options: HeaderOptions,
  names: RulesConfig['cohortFile']['columns'],
): { columns: CohortColumns; problems: string[] } {
  const normalised = fields.map((field) => field.trim().toUpperCase());
  const problems: string[] = [];
  const find = (name: string): number => normalised.indexOf(name.toUpperCase());

  for (const required of [names.uniqueReference, names.status, names.dateOfBirth]) {
    if (find(required) < 0) problems.push(`The header must have a column named ${required}.`);
  }

  let personMinDate = find(names.personMinDate);
  let personMaxDate = find(names.personMaxDate);
  const minimisedColumns = `${names.personMinDate} and ${names.personMaxDate}`;
  if (options.datesMinimised === true) {
    if (personMinDate < 0 || personMaxDate < 0) problems.push(`The DSA minimises dates, so the header must have both ${minimisedColumns}.`);
  } else if (options.datesMinimised === false) {
    if (personMinDate >= 0 || personMaxDate >= 0) problems.push(`The DSA does not minimise dates, so remove ${minimisedColumns}.`);
    personMinDate = -1;
    personMaxDate = -1;
  } else if ((personMinDate < 0) !== (personMaxDate < 0)) {
    problems.push(`${minimisedColumns} go together: give both, or neither.`);
  }

  const known = new Set([names.uniqueReference, names.status, names.dateOfBirth, names.personMinDate, names.personMaxDate].map((n) => n.toUpperCase()));
  const allowed = new Set((options.allowedItems ?? []).map((item) => item.trim().toUpperCase()));
  const counted = new Set<string>();
  normalised.forEach((name, index) => {
    if (name === '') {
      problems.push(`Column ${index + 1} of the header has no name.`);
      return;
    }
    if (counted.has(name)) problems.push(`The column ${name} appears more than once in the header.`);
    counted.add(name);
    if (!known.has(name) && !allowed.has(name)) problems.push(`The column ${name} is not an item the DSA allows; remove it.`);
  });

  return {
    columns: {
      width: fields.length,
      uniqueReference: find(names.uniqueReference),
      status: find(names.status),
      dateOfBirth: find(names.dateOfBirth),
      personMinDate,
      personMaxDate,
    },
    problems,
  };
}
