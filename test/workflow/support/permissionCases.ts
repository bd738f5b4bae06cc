import {
  allowedTriples, caseRoles, caseStatuses, isAllowed, rolesOnCase,
  type Actor, type CaseCommand, type CaseRole, type CaseState, type CaseStatus, type PermissionKey,
} from '../../../services/domain/workflow';
import { caseAt } from './driver';
import { actorFor } from './people';
import { sampleFor, type Sample } from './samples';

/**
 * The combinations the generated permission tests run, enumerated from the permission table, so
 * the pure tests (decide only) and the store tests (through the real database) run the same set.
 */

/** An allowed (command, status, role): the sample command for it, played by `actor`. */
export interface AllowedTransition {
  readonly key: PermissionKey;
  readonly status: CaseStatus;
  readonly role: CaseRole;
  readonly actor: Actor;
  /** The standard case at `status` (undefined at `new`), as `caseAt(status)` holds it. */
  readonly state: CaseState | undefined;
  readonly sample: Sample;
}

/** Every allowed triple of the permission table, each with its sample command. */
export function allowedTransitions(): AllowedTransition[] {
  // State and sample are worked out when a test reads them, so a broken fixture fails that test
  // rather than the loading of the file.
  return allowedTriples().map(({ key, status, role }) => ({
    key, status, role, actor: actorFor[role],
    get state() { return caseAt(status).state; },
    get sample() { return sampleFor(key, status, caseAt(status).state); },
  }));
}

/** A (command, status, role) the table forbids: the actor and the roles they hold on the case. */
export interface ForbiddenCombination {
  readonly key: PermissionKey;
  readonly status: CaseStatus;
  readonly role: CaseRole;
  readonly actor: Actor;
  /** The roles `actor` holds on this case (directory roles and case-bound ones). */
  readonly roles: readonly CaseRole[];
  readonly state: CaseState | undefined;
  readonly command: CaseCommand;
}

/**
 * Every status and role at which `key` is forbidden, with the sample command for that status
 * (no setup: a refusal needs none). A role's actor who does not hold the role on this case (say
 * the DARS contact before one is allocated) is included when that leaves them without permission.
 */
export function forbiddenCombinations(key: PermissionKey, statuses: readonly CaseStatus[] = caseStatuses): ForbiddenCombination[] {
  return statuses.flatMap((status) => {
    const state = caseAt(status).state;
    const command = sampleFor(key, status, state).command;
    return caseRoles.flatMap((role) => {
      const actor = actorFor[role];
      const roles = rolesOnCase(actor, state);
      return isAllowed(key, status, roles) ? [] : [{ key, status, role, actor, roles, state, command }];
    });
  });
}
