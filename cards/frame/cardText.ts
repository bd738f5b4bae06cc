import { formatDate, londonDate } from '../../services/domain/calendar/isoDate';

/**
 * Text as cards show it. Applicants write long answers and Teams refuses a card over 28 KB, so
 * long text is cut at a word with a pointer to the full text; nothing is escaped, because every
 * card text ends up in a TextRun, which Teams shows as given (`literalText.ts`), and
 * adaptivecards-templating binds data values without evaluating them, so an answer containing
 * "${…}" stays literal — the tests prove it.
 */
export const clippedMarker = '… (full text in the case)';

/** At most `max` characters (marker included), cut at a word boundary where one is near. */
export function clip(text: string, max: number): string {
  const neutral = neutralise(text.trim());
  if (neutral.length <= max) return neutral;
  const room = Math.max(0, max - clippedMarker.length);
  const cut = neutral.slice(0, room);
  const space = cut.lastIndexOf(' ');
  const head = space > room * 0.7 ? cut.slice(0, space) : cut;
  return `${head.trimEnd()}${clippedMarker}`;
}

/**
 * The one construct the Teams renderer would change in plain text: `{{DATE(…)}}` and
 * `{{TIME(…)}}` are formatting functions in TextBlock and TextRun. A zero-width space between the
 * braces leaves the text as the person wrote it, and shown literally.
 */
export function neutralise(text: string): string {
  return text.replace(/\{\{(?=(DATE|TIME)\()/gi, '{\u200B{');
}

/** The first `count` items and a line saying how many more are in the case. */
export function firstOf<T>(items: readonly T[], count: number): { shown: T[]; more: string } {
  const hidden = items.length - count;
  return { shown: items.slice(0, Math.max(0, count)), more: hidden > 0 ? `… and ${hidden} more (in the case)` : '' };
}

/** The last `count` items, for timelines where the latest matter most. */
export function lastOf<T>(items: readonly T[], count: number): { shown: T[]; earlier: string } {
  const hidden = items.length - count;
  return { shown: hidden > 0 ? items.slice(hidden) : [...items], earlier: hidden > 0 ? `${hidden} earlier entries are in the case history.` : '' };
}

/** "1 June 2026" for an ISO instant, in England. */
export function dayOf(instant: string): string {
  return formatDate(londonDate(new Date(instant)));
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false });

/** "1 June 2026, 10:00" (England time). */
export function momentOf(instant: string): string {
  return `${dayOf(instant)}, ${timeFormat.format(new Date(instant))}`;
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A fact for a FactSet. An empty value stays empty, and the card leaves the row out
 * (`literalText.ts`): a label with nothing after it reads as something missing.
 */
export interface Fact {
  readonly title: string;
  readonly value: string;
}
export const fact = (title: string, value: string, max = 400): Fact => ({ title, value: value.trim() === '' ? '' : clip(value, max) });
