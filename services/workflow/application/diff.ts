import type { ApplicationRecord, SectionRevision } from '../state/records';
import { renderSection } from './render';
import { sectionNames, sectionTitles, type SectionName } from './sections';
import { revisionInVersion } from './versions';

/**
 * What changed between two versions of a section, line by line (longest common subsequence),
 * so the reviewer sees only what the applicant amended.
 */
export interface DiffLine {
  readonly change: 'same' | 'added' | 'removed';
  readonly text: string;
}

export interface SectionDiff {
  readonly section: SectionName;
  readonly title: string;
  readonly changed: boolean;
  readonly lines: readonly DiffLine[];
}

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  // Trim the common start and end first: amendments are usually small.
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      const row = lengths[i] ?? [];
      row[j] = a[i] === b[j] ? (lengths[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const middle: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      middle.push({ change: 'same', text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) {
      middle.push({ change: 'removed', text: a[i] ?? '' });
      i += 1;
    } else {
      middle.push({ change: 'added', text: b[j] ?? '' });
      j += 1;
    }
  }
  while (i < a.length) middle.push({ change: 'removed', text: a[i++] ?? '' });
  while (j < b.length) middle.push({ change: 'added', text: b[j++] ?? '' });
  const same = (text: string): DiffLine => ({ change: 'same', text });
  return [...before.slice(0, start).map(same), ...middle, ...after.slice(endAfter).map(same)];
}

/** Compares two revisions of one section; either may be absent (not yet written). */
export function diffSectionVersions(before: SectionRevision | undefined, after: SectionRevision | undefined): SectionDiff {
  const section = after?.section ?? before?.section;
  if (!section) throw new RangeError('diffSectionVersions needs at least one revision.');
  if (before && after && before.section !== after.section) throw new RangeError(`Cannot compare ${before.section} with ${after.section}.`);
  const lines = diffLines(before ? renderSection(before.content) : [], after ? renderSection(after.content) : []);
  return { section, title: sectionTitles[section], changed: lines.some((line) => line.change !== 'same'), lines };
}

/** Every section that differs between two submitted versions of the application. */
export function diffApplicationVersions(application: ApplicationRecord, fromVersion: number, toVersion: number): SectionDiff[] {
  return sectionNames
    .map((section) => ({ before: revisionInVersion(application, section, fromVersion), after: revisionInVersion(application, section, toVersion) }))
    .filter(({ before, after }) => before !== undefined || after !== undefined)
    .map(({ before, after }) => diffSectionVersions(before, after))
    .filter((diff) => diff.changed);
}

/** The diff as plain text: "+ added", "- removed", "  same". */
export function formatDiff(diff: SectionDiff): string {
  const marks = { same: '  ', added: '+ ', removed: '- ' } as const;
  return [diff.title, ...diff.lines.map((line) => `${marks[line.change]}${line.text}`)].join('\n');
}
