import type { Client } from '@microsoft/microsoft-graph-client';

import { staffRoles, type StaffRole } from '../../domain/workflow';
import { checkMemberGroups, listGroupUsers, type GroupMember } from './directory';

/**
 * A person's DARS staff roles (DOMAIN.md "Who uses it"): one Entra ID group per role, checked
 * through Graph, or a static map of Entra object ids in local mode. Both answer the same
 * questions, so the bot authorises the same way in either mode.
 */
export interface DirectoryRoles {
  /** One line for the start-up log: where roles come from. */
  readonly description: string;
  rolesOf(userId: string): Promise<readonly StaffRole[]>;
  /** The people holding a role (e.g. who may sign for NHS England). */
  membersOf(role: StaffRole): Promise<readonly GroupMember[]>;
}

export type RoleGroups = Readonly<Partial<Record<StaffRole, string>>>;

export interface GraphDirectoryRolesOptions {
  readonly client: Client;
  readonly groups: RoleGroups;
  /**
   * How long an answer is reused. A role taken away in the directory takes effect when this
   * runs out; a role given takes effect then too. Default 60 s.
   */
  readonly cacheSeconds?: number;
  readonly now?: () => number;
  /** At most this many people are remembered; the oldest answer is forgotten first. */
  readonly maxCachedPeople?: number;
}

export class GraphDirectoryRoles implements DirectoryRoles {
  private readonly cache = new Map<string, { roles: Promise<readonly StaffRole[]>; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly groupIds: string[];

  constructor(private readonly options: GraphDirectoryRolesOptions) {
    this.ttlMs = (options.cacheSeconds ?? 60) * 1000;
    this.now = options.now ?? Date.now;
    this.groupIds = [...new Set(Object.values(options.groups).filter((id): id is string => typeof id === 'string'))];
  }

  get description(): string {
    const configured = staffRoles.filter((role) => this.options.groups[role]);
    return `staff roles from Entra ID groups (${configured.join(', ') || 'none configured'}), cached ${this.ttlMs / 1000} s`;
  }

  rolesOf(userId: string): Promise<readonly StaffRole[]> {
    const now = this.now();
    const cached = this.cache.get(userId);
    if (cached && cached.expiresAt > now) return cached.roles;
    // Concurrent turns by the same person share one Graph call. A failure is not remembered:
    // the caller refuses the action now (fail closed) and the next turn asks again.
    const roles = this.lookUp(userId);
    this.remember(userId, { roles, expiresAt: now + this.ttlMs });
    roles.catch(() => {
      if (this.cache.get(userId)?.roles === roles) this.cache.delete(userId);
    });
    return roles;
  }

  async membersOf(role: StaffRole): Promise<readonly GroupMember[]> {
    const groupId = this.options.groups[role];
    return groupId ? listGroupUsers(this.options.client, groupId) : [];
  }

  private async lookUp(userId: string): Promise<readonly StaffRole[]> {
    if (this.groupIds.length === 0) return [];
    const memberOf = new Set(await checkMemberGroups(this.options.client, userId, this.groupIds));
    return staffRoles.filter((role) => {
      const groupId = this.options.groups[role];
      return groupId !== undefined && memberOf.has(groupId);
    });
  }

  private remember(userId: string, entry: { roles: Promise<readonly StaffRole[]>; expiresAt: number }): void {
    this.cache.delete(userId); // re-insert so Map order is oldest first
    this.cache.set(userId, entry);
    const max = this.options.maxCachedPeople ?? 10_000;
    while (this.cache.size > max) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}

/** Local mode: `DARS_ROLES`, a map of Entra object id → roles, read once at start. */
export class StaticDirectoryRoles implements DirectoryRoles {
  constructor(private readonly map: Readonly<Record<string, readonly StaffRole[]>>) {}

  get description(): string {
    return `staff roles from DARS_ROLES (${Object.keys(this.map).length} people)`;
  }

  async rolesOf(userId: string): Promise<readonly StaffRole[]> {
    // Entra object ids are GUIDs; Teams may send them in either case.
    const entry = Object.entries(this.map).find(([id]) => id.toLowerCase() === userId.toLowerCase());
    return entry ? staffRoles.filter((role) => entry[1].includes(role)) : [];
  }

  async membersOf(role: StaffRole): Promise<readonly GroupMember[]> {
    return Object.entries(this.map).filter(([, roles]) => roles.includes(role)).map(([id]) => ({ id }));
  }
}
