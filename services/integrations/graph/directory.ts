import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

import { graphStatus } from './graphErrors';

/**
 * Reading Microsoft Entra ID through Graph: group membership for staff roles, and people by
 * email. Application permissions: User.ReadBasic.All (users by email) and GroupMember.Read.All
 * (membership; with User.Read.All for checkMemberGroups on a user, as Graph documents).
 */

const idListSchema = z.object({ value: z.array(z.string()) });

/**
 * Which of `groupIds` the user belongs to, directly or through nested groups:
 * `POST /users/{userId}/checkMemberGroups` (at most 20 ids per call, so larger lists are split).
 */
export async function checkMemberGroups(client: Client, userId: string, groupIds: readonly string[]): Promise<string[]> {
  const member: string[] = [];
  for (let start = 0; start < groupIds.length; start += 20) {
    const result: unknown = await client.api(`/users/${encodeURIComponent(userId)}/checkMemberGroups`).post({ groupIds: groupIds.slice(start, start + 20) });
    member.push(...idListSchema.parse(result).value);
  }
  return member;
}

const userSchema = z.object({ id: z.string().min(1), displayName: z.string().nullish() });
export interface DirectoryUser {
  readonly id: string;
  readonly displayName?: string;
}

/**
 * The Entra user with this email: `GET /users/{email}?$select=id,displayName` (the email as
 * user principal name, the usual case), else the user whose `mail` is that address. Undefined
 * when there is no such person.
 */
export async function findUserByEmail(client: Client, email: string): Promise<DirectoryUser | undefined> {
  try {
    const user: unknown = await client.api(`/users/${encodeURIComponent(email)}`).select(['id', 'displayName']).get();
    return toDirectoryUser(userSchema.parse(user));
  } catch (error) {
    if (graphStatus(error) !== 404) throw error;
  }
  const found: unknown = await client.api('/users').filter(`mail eq '${email.replace(/'/g, "''")}'`).select(['id', 'displayName']).get();
  const [user] = z.object({ value: z.array(userSchema) }).parse(found).value;
  return user ? toDirectoryUser(user) : undefined;
}

function toDirectoryUser(user: z.infer<typeof userSchema>): DirectoryUser {
  return user.displayName ? { id: user.id, displayName: user.displayName } : { id: user.id };
}

const memberPageSchema = z.object({
  value: z.array(z.object({ id: z.string(), displayName: z.string().nullish(), mail: z.string().nullish(), userPrincipalName: z.string().nullish() })),
  '@odata.nextLink': z.string().optional(),
});

export interface GroupMember {
  readonly id: string;
  readonly displayName?: string;
  /** The address to share documents with: `mail`, else the user principal name. */
  readonly email?: string;
}

/** The users in a group, nested groups included: `GET /groups/{id}/transitiveMembers/microsoft.graph.user`. */
export async function listGroupUsers(client: Client, groupId: string): Promise<GroupMember[]> {
  const members: GroupMember[] = [];
  let page = memberPageSchema.parse(await client
    .api(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`)
    .select(['id', 'displayName', 'mail', 'userPrincipalName'])
    .get());
  for (;;) {
    for (const user of page.value) {
      const email = user.mail ?? user.userPrincipalName ?? undefined;
      members.push({ id: user.id, ...(user.displayName ? { displayName: user.displayName } : {}), ...(email ? { email } : {}) });
    }
    const next = page['@odata.nextLink'];
    if (!next) return members;
    page = memberPageSchema.parse(await client.api(next).get());
  }
}
