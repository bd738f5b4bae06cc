import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import readline from 'node:readline';

/**
 * Starts a bot as its own process, the way `npm start` does, and hands back what the bench
 * needs: its URL, the error lines it logged, and its peak resident set size. (test/support's
 * BotProcess reads the URI from the test database module and hides the pid, so the bench has
 * this small launcher of its own.)
 */
export interface LaunchOptions {
  /** The compiled entry, e.g. dist/bot/index.js. */
  readonly entry: string;
  readonly env: Record<string, string>;
}

export class LaunchedBot {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    /** Log lines at level error (turn failures, outbox failures): a healthy run has none. */
    readonly errors: string[],
  ) {}

  static async start(options: LaunchOptions): Promise<LaunchedBot> {
    // The bench runs the bots at LOG_LEVEL=warn, which hides the "listening" line (info) that
    // tells test/support the port; so the bench chooses a free port and waits for /healthz.
    const port = await freePort();
    // BENCH_NODE_ARGS: extra node flags for the bots (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof, to see where a turn's time goes).
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, '--disable-warning=DEP0111', options.entry], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        // Quiet: the bench's own output is the table, and logging at info costs time per turn.
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const errors: string[] = [];
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (parseLogLine(line).level === 'error') errors.push(line);
    });
    const url = `http://127.0.0.1:${port}`;
    await waitUntilHealthy(url, child, () => stderr);
    return new LaunchedBot(child, url, errors);
  }

  /**
   * The most memory the process has held resident since it started (VmHWM, the "high water
   * mark" the kernel keeps), in bytes; undefined where there is no /proc (not Linux).
   */
  peakRssBytes(): number | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)?.[1];
      return kib === undefined ? undefined : Number(kib) * 1024;
    } catch {
      return undefined;
    }
  }

  /** The bot's process id, to read its CPU (bench/processCpu.ts). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** SIGTERM, as a deployment would stop it; the bot closes its server and database. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
    });
  }
}

function parseLogLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { msg: line };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, stderr: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The bot exited (${child.exitCode ?? child.signalCode}) before it was listening:\n${stderr()}`);
    }
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The bot did not answer ${url}/healthz within ${timeoutMs / 1000} s:\n${stderr()}`);
}
