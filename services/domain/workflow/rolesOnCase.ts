import type { CaseState } from './state/caseState';
import type { Actor, CaseRole } from './roles';

/**
 * Every role the actor holds on this case. Before a case exists, whoever submits the enquiry
 * becomes its applicant, so everyone holds "applicant" for a new case.
 */
export function rolesOnCase(actor: Actor, state: CaseState | undefined): CaseRole[] {
  const roles: CaseRole[] = [...actor.roles];
  if (!state) return [...roles, 'applicant'];
  const people = state.people;
  if (people.applicant.id === actor.id) roles.push('applicant');
  if (people.members.some((member) => member.id === actor.id)) roles.push('applicantMember');
  if (people.darsContact?.id === actor.id) roles.push('darsContact');
  if (people.dataControllerSignatory?.id === actor.id) roles.push('dataControllerSignatory');
  return roles;
}
