import { latestRevision, sectionNames, sectionTitles, type ApplicationRecord, type SectionName } from '../../services/domain/workflow';

/** How the application is described in chat: the numbered sections with what is saved. */

export function sectionList(application: ApplicationRecord, changed: readonly SectionName[] = []): string {
  return sectionNames
    .map((section, index) => {
      const saved = latestRevision(application, section) !== undefined;
      const mark = changed.includes(section) ? ' — changed' : saved ? ' — saved' : ' — to write';
      return `${index + 1}. ${sectionTitles[section]}${mark}`;
    })
    .join('\n');
}

export function savedCount(application: ApplicationRecord): number {
  return sectionNames.filter((section) => latestRevision(application, section) !== undefined).length;
}

export const allSavedMessage = (reference: string) =>
  `All ${sectionNames.length} sections of the application for **${reference}** are saved. Say **submit application** to check and submit it, ` +
  'or **application** and a section\'s name or number (for example "application legal basis") to change one.';
