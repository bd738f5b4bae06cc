import type { CaseRole } from '../../services/domain/workflow';
import type { SignatoryParty } from '../../services/domain/workflow/commands/fields';

/** The party a signatory signs for, from their roles on the case (NHS England first if both). */
export function partyOf(roles: readonly CaseRole[], asked?: SignatoryParty): SignatoryParty | undefined {
  if (asked) return asked;
  if (roles.includes('nhseSignatory')) return 'nhse';
  if (roles.includes('dataControllerSignatory')) return 'dataController';
  return undefined;
}
