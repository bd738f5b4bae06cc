import type { Person } from '../dialogs/desks';
import type { Actor, StaffRole } from '../services/workflow';
import type { Config } from './config';

/**
 * Who holds which staff role. Every action is authorised on the actor's Entra object id from
 * the activity, never on anything a card sent back. In local mode the roles come from the
 * static map `DARS_ROLES`; with Microsoft Graph configured, from Entra ID groups.
 */
export interface StaffDirectory {
  rolesOf(personId: string): Promise<readonly StaffRole[]>;
  /** Everyone known to hold the role (for notices addressed to a role). */
  peopleWithRole(role: StaffRole): Promise<readonly string[]>;
  actorFor(person: Person): Promise<Actor>;
}

export class StaticStaffDirectory implements StaffDirectory {
  constructor(private readonly roles: Config['DARS_ROLES']) {}

  async rolesOf(personId: string): Promise<readonly StaffRole[]> {
    return this.roles[personId.toLowerCase()] ?? this.roles[personId] ?? [];
  }

  async peopleWithRole(role: StaffRole): Promise<readonly string[]> {
    return Object.entries(this.roles)
      .filter(([, roles]) => roles.includes(role))
      .map(([id]) => id);
  }

  async actorFor(person: Person): Promise<Actor> {
    return { id: person.id, name: person.name, roles: await this.rolesOf(person.id) };
  }
}
