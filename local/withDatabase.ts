import { spawn } from 'node:child_process';

import { startEmbeddedServer, type EmbeddedServer } from './database/embeddedServer';
import { loadEmbeddedSettings } from './database/embeddedSettings';

/**
 * `npm start` (and `npm run verify-history`, the playground): runs a compiled entry point with a
 * database. With MONGODB_URI set it only runs the entry; without, it starts the development
 * database first (FerretDB built once with Go, else mongodb-memory-server; files kept in
 * DARS_DATA_DIR so a restart keeps cases), hands its address to the entry as MONGODB_URI, and
 * stops it when the entry exits. Production runs `node dist/bot/index.js` with MONGODB_URI and
 * never loads this file.
 *
 *   node dist/local/withDatabase.js dist/bot/index.js [arguments…]
 */
async function main(args: readonly string[]): Promise<number> {
  const [entry, ...rest] = args;
  if (!entry) {
    console.error('usage: node dist/local/withDatabase.js <compiled entry .js> [arguments…]');
    return 2;
  }
  const settings = loadEmbeddedSettings();
  let server: EmbeddedServer | undefined;
  if (!settings.MONGODB_URI) {
    server = await startEmbeddedServer({
      purpose: 'persistent',
      dataDirectory: settings.DARS_DATA_DIR,
      log: (message) => console.error(`[database] ${message}`),
    });
    console.error(`[database] ${server.description}`);
  }
  const child = spawn(process.execPath, [...process.execArgv, entry, ...rest], {
    env: { ...process.env, ...(server ? { MONGODB_URI: server.uri } : {}) },
    stdio: 'inherit',
    // Its own process group, so a terminal's Ctrl-C reaches it once (forwarded below), not twice.
    detached: true,
  });
  // Ctrl-C or a stop reaches the entry, which shuts down in order; the database stops after it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  await server?.stop();
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`The development database could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
