import { z } from 'zod';

import type { StaffRole } from '../../domain/workflow';
import type { RoleGroups } from './directoryRoles';
import type { GraphClientOptions } from './graphClient';

/**
 * The environment variables for Microsoft Graph, as a zod shape for bot/runtime/config.ts to spread
 * into its schema, and the check that turns them into settings. Graph is on when
 * GRAPH_CLIENT_ID is set; then every variable it needs must be set too, so a half-configured
 * deployment stops at start instead of failing at the first signature request.
 */

const optionalText = z.string().trim().min(1).optional();
const guid = z.string().regex(/^[0-9a-f-]{36}$/i, 'a GUID');

export const roleGroupVariables: Readonly<Record<StaffRole, string>> = {
  staff: 'ROLE_GROUP_STAFF',
  assurance: 'ROLE_GROUP_ASSURANCE',
  agd: 'ROLE_GROUP_AGD',
  pag: 'ROLE_GROUP_PAG',
  approver: 'ROLE_GROUP_APPROVER',
  nhseSignatory: 'ROLE_GROUP_NHSE_SIGNATORY',
};

export const graphEnvironmentShape = {
  GRAPH_TENANT_ID: optionalText,
  GRAPH_CLIENT_ID: guid.optional(),
  GRAPH_CLIENT_SECRET: optionalText,
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com'),
  GRAPH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  SHAREPOINT_DRIVE_ID: optionalText,
  SHAREPOINT_DSA_FOLDER: z.string().trim().default('DSAs'),
  TEAMS_CATALOG_APP_ID: optionalText,
  ROLE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  ROLE_GROUP_STAFF: guid.optional(),
  ROLE_GROUP_ASSURANCE: guid.optional(),
  ROLE_GROUP_AGD: guid.optional(),
  ROLE_GROUP_PAG: guid.optional(),
  ROLE_GROUP_APPROVER: guid.optional(),
  ROLE_GROUP_NHSE_SIGNATORY: guid.optional(),
};

export type GraphEnvironment = z.infer<z.ZodObject<typeof graphEnvironmentShape>>;

export interface GraphSettings {
  readonly client: GraphClientOptions;
  readonly driveId: string;
  /** Folder in the library holding one folder per NIC number. */
  readonly dsaFolder: string;
  readonly teamsCatalogAppId: string;
  readonly roleGroups: RoleGroups;
  readonly roleCacheSeconds: number;
}

export type GraphSettingsResult =
  | { readonly mode: 'local' }
  | { readonly mode: 'graph'; readonly settings: GraphSettings }
  | { readonly mode: 'invalid'; readonly problems: readonly string[] };

export function graphSettingsFrom(env: GraphEnvironment): GraphSettingsResult {
  if (!env.GRAPH_CLIENT_ID) return { mode: 'local' };
  const required: Record<string, string | undefined> = {
    GRAPH_TENANT_ID: env.GRAPH_TENANT_ID,
    GRAPH_CLIENT_SECRET: env.GRAPH_CLIENT_SECRET,
    SHAREPOINT_DRIVE_ID: env.SHAREPOINT_DRIVE_ID,
    TEAMS_CATALOG_APP_ID: env.TEAMS_CATALOG_APP_ID,
  };
  for (const variable of Object.values(roleGroupVariables)) required[variable] = env[variable as keyof GraphEnvironment] as string | undefined;
  const problems = Object.entries(required)
    .filter(([, value]) => !value)
    .map(([name]) => `${name}: required when GRAPH_CLIENT_ID is set (Microsoft Graph is on)`);
  if (problems.length > 0) return { mode: 'invalid', problems };

  const roleGroups: Partial<Record<StaffRole, string>> = {};
  for (const [role, variable] of Object.entries(roleGroupVariables) as [StaffRole, string][]) roleGroups[role] = required[variable]!;
  return {
    mode: 'graph',
    settings: {
      client: {
        tenantId: env.GRAPH_TENANT_ID!,
        clientId: env.GRAPH_CLIENT_ID,
        clientSecret: env.GRAPH_CLIENT_SECRET!,
        graphBaseUrl: env.GRAPH_BASE_URL,
        authorityHost: env.GRAPH_AUTHORITY_HOST,
      },
      driveId: env.SHAREPOINT_DRIVE_ID!,
      dsaFolder: env.SHAREPOINT_DSA_FOLDER,
      teamsCatalogAppId: env.TEAMS_CATALOG_APP_ID!,
      roleGroups,
      roleCacheSeconds: env.ROLE_CACHE_SECONDS,
    },
  };
}
