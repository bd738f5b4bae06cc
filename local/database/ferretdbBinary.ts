import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The FerretDB 1.24.2 binary, built once per machine from `tools/ferretdb` (a tiny Go main that
 * embeds FerretDB; the upstream `cmd/ferretdb` panics without a generated version file).
 * It is cached outside the clone, keyed by the hash of the Go sources, so a clean clone, CI and
 * `npm start` all reuse one build, and a change to the Go main builds a new one.
 */

const run = promisify(execFile);
const sourceDir = path.resolve(__dirname, '..', '..', '..', 'tools', 'ferretdb');
const sourceFiles = ['go.mod', 'go.sum', 'main.go', 'indextwins.go'];

export function ferretdbCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'dars-bot');
}

export function ferretdbBinaryPath(): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles) hash.update(readFileSync(path.join(sourceDir, file)));
  return path.join(ferretdbCacheDir(), `ferretdb-1.24.2-${hash.digest('hex').slice(0, 12)}`);
}

export class GoToolchainMissing extends Error {}

/** Returns the cached binary, building it first if this machine has never built it. */
export async function ensureFerretdbBinary(log: (message: string) => void): Promise<string> {
  const binary = ferretdbBinaryPath();
  if (existsSync(binary)) return binary;

  const go = await findGo();
  if (!go) throw new GoToolchainMissing('Go is not installed, so FerretDB cannot be built');

  mkdirSync(path.dirname(binary), { recursive: true });
  log(`Building FerretDB 1.24.2 with Go into ${binary} (once per machine; a few minutes the first time)…`);
  // Build beside the target and rename, so a concurrent start never runs a half-written file.
  const partial = `${binary}.${process.pid}.partial`;
  await run(go, ['build', '-trimpath', '-o', partial, '.'], {
    cwd: sourceDir,
    env: { ...process.env, CGO_ENABLED: '0' },
    maxBuffer: 16 * 1024 * 1024,
  });
  renameSync(partial, binary);
  return binary;
}

async function findGo(): Promise<string | undefined> {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    try {
      await run(candidate, ['version']);
      return candidate;
    } catch {
      // try the next place
    }
  }
  return undefined;
}
