import { z } from 'zod';

import { graphEnvironmentShape, graphSettingsFrom } from '../../services/integrations/graph/graphSettings';
import { staffRoles } from '../../services/domain/workflow/roles';

/**
 * The whole configuration of DARS Bot: one zod schema over the environment, read once at start.
 * A wrong or missing value stops the process with a message naming the variable (see
 * `ConfigError`), so a misconfigured deployment fails loudly instead of half-working.
 */

const optionalText = z.string().trim().min(1).optional();
/**
 * Channel and person ids: the schema takes any id without spaces, as local mode needs for the
 * ids Microsoft's local clients make up (the Agents Playground's `channel-announcements-id`,
 * its 37-digit mock object ids); production mode then holds them to the shapes Teams and Entra
 * use (`productionIdProblems`).
 */
const teamsChannelId = z.string().regex(/^\S+$/, 'a channel id without spaces, like 19:abc…@thread.tacv2');
const entraObjectId = z.string().regex(/^\S+$/, 'a user object id without spaces (an Entra object id, a GUID)');
const productionChannelId = /^19:.+@thread\.(tacv2|skype)$/;
const productionObjectId = /^[0-9a-f-]{36}$/i;
const channelVariables = ['TRIAGE_CHANNEL_ID', 'ASSURANCE_CHANNEL_ID', 'AGD_CHANNEL_ID', 'PAG_CHANNEL_ID'] as const;


const roleMap = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON: {"<entra object id>": ["staff", …]}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(entraObjectId, z.array(z.enum(staffRoles))));

/** DARS_PEOPLE (local mode): who staff can name by email, e.g. the data controller signatory. */
const peopleMap = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON: {"<email>": {"id": "<entra object id>", "name": "<full name>"}, …}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string(), z.object({ id: entraObjectId, name: z.string().trim().min(1, 'give the person’s name') })).superRefine((people, ctx) => {
    for (const email of Object.keys(people)) {
      if (!z.email().safeParse(email).success) ctx.addIssue({ code: 'custom', path: [email], message: 'keys must be email addresses' });
    }
  }));

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),

  MICROSOFT_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TENANT_ID: optionalText,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  /** Where incoming tokens' signing keys are published (OpenID metadata); Microsoft's public cloud when unset. */
  BOT_OPENID_METADATA_URL: z.url().optional(),

  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'a MongoDB connection string starting mongodb:// or mongodb+srv://')
    .optional(),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ or -').default('dars_bot'),

  TEAMS_SERVICE_URL: z.url().default('https://smba.trafficmanager.net/uk/'),
  TRIAGE_CHANNEL_ID: teamsChannelId.default('19:dars-triage@thread.tacv2'),
  ASSURANCE_CHANNEL_ID: teamsChannelId.default('19:dars-assurance@thread.tacv2'),
  AGD_CHANNEL_ID: teamsChannelId.default('19:dars-agd@thread.tacv2'),
  PAG_CHANNEL_ID: teamsChannelId.default('19:dars-pag@thread.tacv2'),
  // 0: this process sends no deadline notices (another instance does; or tests that tamper with a history).
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  // The delivery road (services/domain/delivery/backoff.ts): first retry, longest wait, when to give up.
  DELIVERY_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  DELIVERY_BACKOFF_CAP_MS: z.coerce.number().int().min(100).max(86_400_000).default(600_000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(12),
  DELIVERY_MAX_AGE_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(24),
  DARS_ROLES: roleMap.default({}),
  DARS_PEOPLE: peopleMap.default({}),
  // Document links the bot serves itself (bot/documents/documentRoute.ts): signed, expiring, per person.
  DOCUMENT_LINK_SECRET: z.string().trim().min(32, 'at least 32 characters of random text (e.g. openssl rand -base64 48)').optional(),
  PUBLIC_BASE_URL: z.url('the https address people reach the bot at, e.g. https://dars-bot.example.nhs.uk').optional(),
  DOCUMENT_LINK_HOURS: z.coerce.number().min(0.01).max(24 * 31).default(72),

  ...graphEnvironmentShape,
  /** PEM file of a CA to trust for Graph and its token endpoint (a private CA, or the tests' stand-in). */
  GRAPH_TRUSTED_CA_FILE: z.string().optional(),

  TEAMS_APP_ID: z.uuid('a GUID for the Teams app').default('8b0c6f0e-4d2a-4f55-9a3e-2f1d8d0a5a11'),
  BOT_DOMAIN: z.string().default('localhost'),
  PUBLISHER_NAME: z.string().default('NHS England'),
  PUBLISHER_WEBSITE: z.url().default('https://digital.nhs.uk/services/data-access-request-service-dars'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface Config extends Environment {
  /** Local mode: no app id, so no JWT auth on /api/messages. Never for a real tenant. */
  readonly mode: 'local' | 'production';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`DARS Bot cannot start; fix these environment variables:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and checks the environment. Throws `ConfigError` naming every wrong variable.
 * `purpose: 'packaging'` (npm run package) needs the app id but not the bot's secret.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, purpose: 'running' | 'packaging' = 'running'): Config {
  const parsed = environmentSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  const mode = values.MICROSOFT_APP_ID ? 'production' : 'local';
  const graph = graphSettingsFrom(values);
  const problems = [
    ...(purpose === 'running' ? productionProblems(values, mode) : []),
    ...(mode === 'production' ? productionIdProblems(values) : []),
    ...(graph.mode === 'invalid' ? graph.problems : []),
    ...(purpose === 'running' && mode === 'production' && graph.mode !== 'graph' ? documentLinkProblems(values) : []),
  ];
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({ ...values, mode });
}

function productionProblems(values: Environment, mode: Config['mode']): string[] {
  const problems: string[] = [];
  if (mode === 'local') {
    if (values.NODE_ENV === 'production') {
      problems.push('MICROSOFT_APP_ID: required when NODE_ENV=production (local mode has no authentication)');
    }
    return problems;
  }
  if (values.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !values.MICROSOFT_APP_PASSWORD) {
    problems.push('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (the bot registration\'s client secret)');
  }
  if (values.MICROSOFT_APP_TYPE !== 'MultiTenant' && !values.MICROSOFT_APP_TENANT_ID) {
    problems.push(`MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE=${values.MICROSOFT_APP_TYPE}`);
  }
  return problems;
}

/**
 * Without Graph the bot serves the documents people sign itself, by signed links: in production
 * the secret must survive restarts and be shared by every instance, and the links must name the
 * address people reach the bot at (local mode derives both: see bot/documents/documentLinks.ts).
 */
function documentLinkProblems(values: Environment): string[] {
  return [
    ...(values.DOCUMENT_LINK_SECRET ? [] : ['DOCUMENT_LINK_SECRET: required in production without Microsoft Graph (the bot serves the DSA by signed links)']),
    ...(values.PUBLIC_BASE_URL ? [] : ['PUBLIC_BASE_URL: required in production without Microsoft Graph (document links name the bot\'s public address)']),
  ];
}

/** Real Teams and Entra ids only: a local client's made-up id in production is a mistake. */
function productionIdProblems(values: Environment): string[] {
  const problems = channelVariables
    .filter((name) => !productionChannelId.test(values[name]))
    .map((name) => `${name}: a Teams channel id like 19:abc…@thread.tacv2 (from the channel's "Get link to channel")`);
  const people = Object.keys(values.DARS_ROLES).filter((id) => !productionObjectId.test(id));
  if (people.length > 0) problems.push(`DARS_ROLES: Entra object ids (GUIDs) as keys; not ${people.join(', ')}`);
  const named = Object.entries(values.DARS_PEOPLE).filter(([, person]) => !productionObjectId.test(person.id)).map(([email]) => email);
  if (named.length > 0) problems.push(`DARS_PEOPLE: Entra object ids (GUIDs) as ids; not those of ${named.join(', ')}`);
  return problems;
}

/** An empty variable (`FOO=`) means "not set", as people write in .env files. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[key] = value;
  }
  return result;
}
