import path from 'node:path';
import { z } from 'zod';

/**
 * The development database's settings: one zod schema over the environment, like the bot's own
 * (bot/runtime/config.ts), read by the launcher and the tests' database only — production sets
 * MONGODB_URI and never starts an embedded server.
 */

const projectRoot = path.resolve(__dirname, '..', '..', '..');

/** An empty variable (`FOO=`) means "not set", as people write in .env files. */
const unsetIfBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const embeddedSettingsSchema = z.object({
  /** A MongoDB server to use instead: the launcher then starts nothing. */
  MONGODB_URI: z.preprocess(unsetIfBlank, z.string().regex(/^mongodb(\+srv)?:\/\//, 'a MongoDB connection string starting mongodb:// or mongodb+srv://').optional()),
  /** `sqlite` or `postgresql` forces FerretDB's backend; unset, `npm start` keeps SQLite files and tests use PostgreSQL when it answers. */
  FERRETDB_BACKEND: z.preprocess(unsetIfBlank, z.enum(['sqlite', 'postgresql']).optional()),
  /** The PostgreSQL database FerretDB uses (give concurrent test runs a database each). */
  FERRETDB_POSTGRESQL_URL: z.preprocess(unsetIfBlank, z.string().regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL starting postgres://').default('postgres://127.0.0.1:5432/dars_bot_test')),
  /** Where `npm start`'s database keeps its files (git-ignored). */
  DARS_DATA_DIR: z.preprocess(unsetIfBlank, z.string().default(path.join(projectRoot, '.data'))),
});

export type EmbeddedSettings = z.infer<typeof embeddedSettingsSchema>;

export function loadEmbeddedSettings(env: NodeJS.ProcessEnv = process.env): EmbeddedSettings {
  const parsed = embeddedSettingsSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new Error(['The development database cannot start; fix these environment variables:', ...problems].join('\n'));
}
