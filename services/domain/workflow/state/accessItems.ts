import type { CaseState } from './caseState';

/**
 * What remains before access can be arranged (DOMAIN.md stage 6), and whose move each item is.
 * Shared by the next action, the deadline clock and the arrangeAccess check, so they agree.
 */
export type AccessItem =
  | { readonly item: 'serviceAgreement'; readonly side: 'applicant' }
  | { readonly item: 'cohortFileDueDate'; readonly side: 'staff' }
  | { readonly item: 'cohortFile'; readonly side: 'applicant'; readonly dueDate: string };

export function remainingAccessItems(state: CaseState): AccessItem[] {
  const access = state.facts.access;
  if (!access) return [];
  const items: AccessItem[] = [];
  if (access.serviceAgreement.required && !access.serviceAgreement.signed) items.push({ item: 'serviceAgreement', side: 'applicant' });
  const cohort = access.cohortFile;
  if (cohort.required && cohort.files.length === 0) {
    items.push(cohort.dueDate ? { item: 'cohortFile', side: 'applicant', dueDate: cohort.dueDate } : { item: 'cohortFileDueDate', side: 'staff' });
  }
  return items;
}

export const accessItemNames: Readonly<Record<AccessItem['item'], string>> = {
  serviceAgreement: 'the service agreement is not signed',
  cohortFileDueDate: 'no due date is set for the cohort file',
  cohortFile: 'the cohort file has not been received',
};
