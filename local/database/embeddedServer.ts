import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';

import { loadEmbeddedSettings } from './embeddedSettings';
import { ensureFerretdbBinary, GoToolchainMissing } from './ferretdbBinary';
import { startFerretdb, type FerretdbBackend } from './ferretdbServer';
import { startMemoryServer } from './memoryServer';
import { postgresAnswers } from './postgresProbe';
import type { EmbeddedServer } from './startedServer';

export type { EmbeddedServer } from './startedServer';

export interface EmbeddedServerOptions {
  /**
   * `persistent`: `npm start`; data lives in `dataDirectory` (git-ignored, inside the project),
   * so a restart keeps cases. `throwaway`: tests and benchmarks; PostgreSQL when it answers
   * (fast, and each run takes a fresh database), otherwise SQLite in a temporary folder.
   */
  readonly purpose: 'persistent' | 'throwaway';
  readonly dataDirectory: string;
  readonly log: (message: string) => void;
}

export class NoDatabaseServer extends Error {}

/**
 * Where the database comes from when MONGODB_URI is not set: FerretDB built locally with Go,
 * else mongodb-memory-server. If neither can be had, the error says what to install or set.
 */
export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const problems: string[] = [];
  try {
    const binary = await ensureFerretdbBinary(options.log);
    return await startFerretdb(binary, await chooseBackend(options));
  } catch (error) {
    problems.push(error instanceof GoToolchainMissing ? error.message : `FerretDB failed: ${String(error)}`);
  }
  try {
    return await startMemoryServer(
      options.purpose === 'persistent' ? path.join(options.dataDirectory, 'mongod') : undefined,
    );
  } catch (error) {
    problems.push(`mongodb-memory-server failed: ${String(error)}`);
  }
  throw new NoDatabaseServer(
    [
      'DARS Bot needs a MongoDB-compatible database and could not start one.',
      ...problems.map((problem) => `  - ${problem}`),
      'Do one of these:',
      '  - set MONGODB_URI to a MongoDB 7+ server (e.g. mongodb://localhost:27017 or an Atlas URI);',
      '  - install Go 1.22+ (https://go.dev/dl) so DARS Bot can build FerretDB once;',
      '  - allow mongodb-memory-server to download mongod (internet access), or set MONGOMS_SYSTEM_BINARY.',
    ].join('\n'),
  );
}

async function chooseBackend(options: EmbeddedServerOptions): Promise<FerretdbBackend> {
  const settings = loadEmbeddedSettings();
  const forced = settings.FERRETDB_BACKEND;
  if (forced === 'sqlite' || (forced !== 'postgresql' && options.purpose === 'persistent')) {
    return { kind: 'sqlite', directory: sqliteDirectory(options) };
  }
  if (forced === 'postgresql' || (await postgresAnswers())) {
    return { kind: 'postgresql', url: settings.FERRETDB_POSTGRESQL_URL };
  }
  return { kind: 'sqlite', directory: sqliteDirectory(options) };
}

function sqliteDirectory(options: EmbeddedServerOptions): string {
  return options.purpose === 'persistent'
    ? path.join(options.dataDirectory, 'ferretdb')
    : mkdtempSync(path.join(os.tmpdir(), 'dars-ferretdb-'));
}
