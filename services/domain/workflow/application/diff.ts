import { diffArrays } from 'diff';

import type { ApplicationRecord, SectionRevision } from '../state/records';
import { renderSection } from './render';
import { sectionNames, sectionTitles, type SectionName } from './sections';
import { revisionInVersion } from './versions';

/**
 * What changed between two versions of a section, line by line (the `diff` library's array
 * diff, a pure function), so the reviewer sees only what the applicant amended.
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
  // jsdiff's Myers diff over whole lines; within a changed stretch it lists what was removed
  // before what was added, so a reworded line reads "- old" then "+ new".
  return diffArrays([...before], [...after]).flatMap((part) => {
    const change = part.added ? 'added' : part.removed ? 'removed' : 'same';
    return part.value.map((text) => ({ change, text }));
  });
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
