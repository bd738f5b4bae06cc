import { formatDate } from '../calendar/isoDate';
import { fieldLabels, valueWords } from './words';

/**
 * One way of saying any answer a person gave, for every card and the version diff: labels from
 * the DARS vocabulary (`words.ts`), fixed answers in words, dates as "1 January 2027", lists as
 * lists (one "• " line per item), and nothing for an empty answer — never a label with nothing
 * after it, never a field key. Pure: the workflow's diff compares these same lines.
 */
export type Answer = string | number | boolean | null | undefined | readonly Answer[] | { readonly [key: string]: Answer };

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The label for a field at `path` (the most specific row of the table that names it). */
export function labelOf(path: readonly string[]): string {
  for (let start = 0; start < path.length; start += 1) {
    const label = fieldLabels[path.slice(start).join('.')];
    if (label) return label;
  }
  return humanise(path[path.length - 1] ?? '');
}

/** Whether the table has a label for this field (the fallback is for data written by older versions). */
export function isLabelled(path: readonly string[]): boolean {
  return path.some((_, start) => fieldLabels[path.slice(start).join('.')] !== undefined);
}

/** A single value in words: "Yes"/"No", a fixed answer's words, a date as "1 January 2027". */
export function wordsOf(key: string, value: string | number | boolean): string {
  const words = valueWords[key]?.[String(value)];
  if (words) return words;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const text = String(value);
  return isoDay.test(text) ? formatDate(text) : text;
}

const isEmpty = (value: Answer): boolean =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/**
 * An answer as lines: "Label: value"; a multi-line text keeps its lines (indented), so the diff
 * shows the lines that changed; a list is its label and one "• " line per item.
 */
export function plainLines(content: { readonly [key: string]: Answer }, path: readonly string[] = []): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(content)) pushLines([...path, key], value, lines);
  return lines;
}

function pushLines(path: readonly string[], value: Answer, lines: string[]): void {
  if (isEmpty(value)) return;
  const key = path[path.length - 1] ?? '';
  const label = labelOf(path);
  if (Array.isArray(value)) {
    const items = (value as readonly Answer[]).filter((item) => !isEmpty(item)).map((item) => itemText(path, item));
    lines.push(`${label}:`, ...items.map((item) => `• ${item}`));
  } else if (typeof value === 'object' && value !== null) {
    lines.push(...plainLines(value as { readonly [key: string]: Answer }, path));
  } else {
    const [first = '', ...rest] = wordsOf(key, value as string | number | boolean).split(/\r?\n/);
    lines.push(`${label}: ${first}`, ...rest.map((line) => `  ${line}`));
  }
}

/** One item of a list on one line (a dataset, a field, an organisation). */
function itemText(path: readonly string[], item: Answer): string {
  if (typeof item !== 'object' || item === null) return wordsOf(path[path.length - 1] ?? '', item as string | number | boolean);
  const record = item as { readonly [key: string]: Answer };
  const describe = itemDescriptions[path[path.length - 1] ?? ''];
  if (describe) return describe(record);
  return Object.entries(record)
    .filter(([, value]) => !isEmpty(value))
    .map(([key, value]) => `${labelOf([...path, key])}: ${Array.isArray(value) ? value.join('; ') : wordsOf(key, value as string | number | boolean)}`)
    .join(', ');
}

/** A list on one line, each item as the list's lines say it: "Hospital Episode Statistics (HES-APC); …". */
export function listOf(field: string, items: readonly Answer[]): string {
  return items.filter((item) => !isEmpty(item)).map((item) => itemText([field], item)).join('; ');
}

const text = (value: Answer): string => (isEmpty(value) ? '' : String(value));

/** How each kind of list item reads: the name first, then what matters about it. */
const itemDescriptions: Readonly<Record<string, (item: { readonly [key: string]: Answer }) => string>> = {
  datasets: (d) => `${text(d.name)} (${text(d.code)})${d.containsGpData === true ? ', includes GP data' : ''}`,
  fields: (f) => `${text(f.name)}${f.identifiableOrSensitive === true ? ` (identifiable or sensitive${text(f.justification) ? `: ${text(f.justification)}` : ''})` : ''}`,
  organisations: (o) => [text(o.name), text(o.role), text(o.address), text(o.icoRegistrationNumber) ? `ICO registration ${text(o.icoRegistrationNumber)}` : ''].filter(Boolean).join(', '),
};

/** "outsideUk" → "Outside uk": only for a field the table does not know (see `isLabelled`). */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every field path in an answer that the table has no label for (the vocabulary test). */
export function unlabelledPaths(content: { readonly [key: string]: Answer }, path: readonly string[] = [], lists = Object.keys(itemDescriptions)): string[] {
  return Object.entries(content).flatMap(([key, value]) => {
    const here = [...path, key];
    const own = isLabelled(here) ? [] : [here.join('.')];
    if (Array.isArray(value) && lists.includes(key)) return own;
    if (Array.isArray(value)) return [...own, ...value.flatMap((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? unlabelledPaths(item as { readonly [key: string]: Answer }, here, lists) : []))];
    if (typeof value === 'object' && value !== null) return [...own, ...unlabelledPaths(value as { readonly [key: string]: Answer }, here, lists)];
    return own;
  });
}
