import type { Person } from '../../dialogs/desks';
import type { DirectoryRoles } from '../../services/integrations/graph';
import type { Actor, StaffRole } from '../../services/domain/workflow';

/**
 * Who holds which staff role. Every action is authorised on the actor's Entra object id from
 * the activity, never on anything a card sent back. The roles come from Entra ID groups through
 * Microsoft Graph (cached briefly), or in local mode from the static map `DARS_ROLES`.
 */
export interface StaffDirectory {
  rolesOf(personId: string): Promise<readonly StaffRole[]>;
  /** Everyone holding the role (for notices addressed to a role). */
  peopleWithRole(role: StaffRole): Promise<readonly string[]>;
  actorFor(person: Person): Promise<Actor>;
}

export class DirectoryStaff implements StaffDirectory {
  constructor(readonly roles: DirectoryRoles) {}

  rolesOf(personId: string): Promise<readonly StaffRole[]> {
    return this.roles.rolesOf(personId);
  }

  async peopleWithRole(role: StaffRole): Promise<readonly string[]> {
    return (await this.roles.membersOf(role)).map((member) => member.id);
  }

  async actorFor(person: Person): Promise<Actor> {
    return { id: person.id, name: person.name, roles: await this.rolesOf(person.id) };
  }
}
