import type { DirectoryRoles } from '../graph/directoryRoles';
import type { CaseState } from '../../domain/workflow';
import type { SignatoryParty } from '../../domain/workflow/commands/fields';
import type { SignatoryRecipient } from '../../domain/dsa/signatureSteps';

/**
 * Who is asked to sign for a party: the data controller signatory named on the case (bound by
 * Entra object id at preliminary assessment), or everyone who holds the NHS England signatory
 * role in the directory — any one of them may sign for NHS England, and the first signature
 * counts (the workflow refuses a second).
 */
export async function signatoryRecipients(state: CaseState, party: SignatoryParty, directory: DirectoryRoles): Promise<SignatoryRecipient[]> {
  if (party === 'dataController') {
    const signatory = state.people.dataControllerSignatory;
    return signatory ? [{ party, userId: signatory.id, name: signatory.name, email: signatory.email }] : [];
  }
  const members = await directory.membersOf('nhseSignatory');
  return members.map((member) => ({
    party,
    userId: member.id,
    name: member.displayName ?? 'NHS England signatory',
    ...(member.email ? { email: member.email } : {}),
  }));
}
