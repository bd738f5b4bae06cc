import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run playground` exactly as shipped (its configuration files, its derived bot
 * environment), on ports of its own and a fresh embedded database in a temporary folder, so a
 * developer's running playground or `.data/` is not touched.
 */
export class PlaygroundProcess {
  private readonly output: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly dataDirectory: string,
    readonly firstPort: number,
  ) {}

  static async start(ports: { bot: number; firstWindow: number }, options: { signatory?: boolean } = {}): Promise<PlaygroundProcess> {
    const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'dars-playground-'));
    const entry = path.resolve(__dirname, '..', '..', '..', 'local', 'playground.js');
    const child = spawn(process.execPath, [entry, '--no-browser', ...(options.signatory ? ['--signatory'] : [])], {
      env: { ...process.env, PORT: String(ports.bot), PLAYGROUND_FIRST_PORT: String(ports.firstWindow), DARS_DATA_DIR: dataDirectory, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const launched = new PlaygroundProcess(child, dataDirectory, ports.firstWindow);
    await launched.ready();
    return launched;
  }

  url(window: 'applicant' | 'staff' | 'signatory'): string {
    const offset = { applicant: 0, staff: 1, signatory: 2 }[window];
    return `http://localhost:${this.firstPort + offset}`;
  }

  /** Ctrl+C, as a person stops it; resolves when everything it started has stopped. */
  async stop(logFile: string): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGINT');
      await exited;
    }
    writeFileSync(logFile, this.output.join(''));
    rmSync(this.dataDirectory, { recursive: true, force: true });
  }

  private ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output.push(chunk.toString());
        if (this.output.join('').includes('Ctrl+C stops everything')) resolve();
      };
      this.child.stdout!.on('data', onData);
      this.child.stderr!.on('data', onData);
      this.child.once('exit', (code) => reject(new Error(`npm run playground stopped (exit ${code}):\n${this.output.join('').slice(-3000)}`)));
    });
  }
}
