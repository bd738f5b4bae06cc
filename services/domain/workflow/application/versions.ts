import type { ApplicationRecord, SectionRevision } from '../state/records';
import { renderSection } from './render';
import { sectionNames, type SectionContents, type SectionName } from './sections';

/**
 * Reading the application's versions. Every save is kept as a revision; a submitted version is
 * the set of latest revisions at the time of submission, so any two versions can be compared.
 */

export function latestRevision(application: ApplicationRecord, section: SectionName): SectionRevision | undefined {
  const revisions = application.sections[section];
  return revisions?.[revisions.length - 1];
}

export function latestSection<K extends SectionName>(application: ApplicationRecord, section: K): SectionContents[K] | undefined {
  // Revisions of a section are only written from that section's schema (saveApplicationSection),
  // so its content has that section's type.
  return latestRevision(application, section)?.content as SectionContents[K] | undefined;
}

/** The version being written now: one more than the versions submitted so far. */
export function draftVersion(application: ApplicationRecord): number {
  return application.submissions.length + 1;
}

export function latestRevisionNumbers(application: ApplicationRecord): Partial<Record<SectionName, number>> {
  const numbers: Partial<Record<SectionName, number>> = {};
  for (const section of sectionNames) {
    const revision = latestRevision(application, section);
    if (revision) numbers[section] = revision.revision;
  }
  return numbers;
}

/** The revision of a section that was part of a submitted version (undefined if not yet written). */
export function revisionInVersion(application: ApplicationRecord, section: SectionName, version: number): SectionRevision | undefined {
  const submission = application.submissions.find((candidate) => candidate.version === version);
  const number = submission?.sectionRevisions[section];
  return number === undefined ? undefined : application.sections[section]?.find((revision) => revision.revision === number);
}

/** Sections whose latest content differs from the content in a submitted version. */
export function sectionsChangedSince(application: ApplicationRecord, version: number): SectionName[] {
  return sectionNames.filter((section) => {
    const before = revisionInVersion(application, section, version);
    const now = latestRevision(application, section);
    if (!now) return false;
    if (!before) return true;
    return renderSection(before.content).join('\n') !== renderSection(now.content).join('\n');
  });
}

export function missingSections(application: ApplicationRecord): SectionName[] {
  return sectionNames.filter((section) => !latestRevision(application, section));
}
