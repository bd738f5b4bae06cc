import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { testBotEnvironment, type TestBot, type TestBotOptions } from './testBot';

/**
 * A real DARS Bot process (`node dist/bot/index.js`), the way `npm start` runs it, on a free
 * port and the suite's database. Tests talk to it only over HTTP. `crash()` kills it without
 * warning, to show that a restart loses nothing.
 */
export class BotProcess implements TestBot {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    /** Every JSON log line the process wrote, parsed. */
    readonly logs: Record<string, unknown>[],
  ) {}

  static async start(options: TestBotOptions): Promise<BotProcess> {
    const entry = path.resolve(__dirname, '..', '..', 'bot', 'index.js');
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', entry], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...testBotEnvironment(options) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const logs: Record<string, unknown>[] = [];
    const port = await new Promise<number>((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`The bot exited with code ${code} before listening:\n${stderr}\n${logs.map((l) => JSON.stringify(l)).join('\n')}`));
      child.once('exit', onExit);
      readline.createInterface({ input: child.stdout! }).on('line', (line) => {
        const entry = parseLogLine(line);
        logs.push(entry);
        if (entry.msg === 'DARS Bot listening') {
          child.off('exit', onExit);
          resolve(Number(entry.port));
        }
      });
    });
    return new BotProcess(child, port, logs);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A clean stop (SIGTERM), as a deployment would. */
  stop(): Promise<void> {
    return this.end('SIGTERM');
  }

  /** Kills the process without warning, as a crash or a lost container would. */
  crash(): Promise<void> {
    return this.end('SIGKILL');
  }

  private end(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
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
