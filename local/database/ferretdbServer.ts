import { spawn } from 'node:child_process';
import readline from 'node:readline';

import type { EmbeddedServer } from './startedServer';

export type FerretdbBackend =
  | { kind: 'postgresql'; url: string }
  | { kind: 'sqlite'; directory: string };

/**
 * Starts the FerretDB binary as a child process on a free loopback port and resolves once it
 * prints the URI it listens on. The child stops when we call `stop()` or when this process dies
 * (it watches its standard input, which we hold open).
 */
export function startFerretdb(binary: string, backend: FerretdbBackend): Promise<EmbeddedServer> {
  const args = ['--listen-addr', '127.0.0.1:0', '--handler', backend.kind];
  if (backend.kind === 'postgresql') args.push('--postgresql-url', backend.url);
  else args.push('--sqlite-dir', backend.directory);

  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let stopping = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });

  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    const onExit = (code: number | null) =>
      reject(new Error(`FerretDB exited (code ${code}) before it was ready: ${stderr.trim() || 'no output'}`));
    child.once('exit', onExit);
    child.once('error', reject);
    lines.once('line', (uri) => {
      child.off('exit', onExit);
      lines.close();
      // After start, an exit nobody asked for is a crash: say so, with FerretDB's last words.
      child.once('exit', (code, signal) => {
        if (!stopping) console.error(`FerretDB stopped unexpectedly (code ${code}, signal ${signal}): ${stderr.trim().slice(-2000)}`);
      });
      resolve({
        uri: uri.trim(),
        description: `FerretDB 1.24.2 on ${backend.kind === 'postgresql' ? 'PostgreSQL' : `SQLite in ${backend.directory}`}`,
        stop: () => {
          stopping = true;
          return stopChild(child);
        },
      });
    });
  });
}

function stopChild(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
