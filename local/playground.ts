import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

import { botEnvironment, defaultFirstPort, playgroundWindow, samePeopleProblems, type PlaygroundWindow, type WindowName } from './playgroundWindows';

/**
 * `npm run playground`: DARS Bot in local mode and one Microsoft 365 Agents Playground per
 * person (the playground has exactly one current user per process): the applicant and a DARS
 * staff member holding every staff role; `-- --signatory` adds the data controller signatory.
 * Ctrl+C stops everything it started.
 *
 *   --signatory    a third window for the data controller signatory
 *   --no-browser   do not open the windows in the browser (also when CI is set)
 *
 * Ports: the bot on PORT (3978), the windows on 56150 (applicant), 56151 (staff) and 56152
 * (signatory); PLAYGROUND_FIRST_PORT moves the three windows together.
 */

const projectRoot = path.resolve(__dirname, '..', '..');
const playgroundCli = require.resolve('@microsoft/m365agentsplayground/cli.js');

const who: Record<WindowName, string> = {
  applicant: 'the applicant, Priya Shah',
  staff: 'DARS staff, Sam Okafor (every staff role, approver, NHS England signatory)',
  signatory: 'the data controller signatory, Jordan Lee',
};

async function main(children: Children): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const unknown = [...args].filter((arg) => !['--signatory', '--no-browser'].includes(arg));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (known: --signatory, --no-browser)`);
  const openBrowser = !args.has('--no-browser') && !process.env.CI;
  const botPort = Number(process.env.PORT ?? 3978);
  const firstPort = Number(process.env.PLAYGROUND_FIRST_PORT ?? defaultFirstPort);

  const names: WindowName[] = args.has('--signatory') ? ['applicant', 'staff', 'signatory'] : ['applicant', 'staff'];
  const windows = names.map((name) => playgroundWindow(name, firstPort));
  const problems = samePeopleProblems(windows);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const staff = windows.find((w) => w.name === 'staff')!;

  // The playground would quietly take a random port if its own were busy, and the bot would then
  // post to the wrong place: so the ports must be free before anything starts.
  for (const port of [botPort, ...windows.map((w) => w.port)]) await ensureFree(port);

  const dataDirectory = process.env.DARS_DATA_DIR ?? path.join(projectRoot, '.data');
  const logDirectory = path.join(dataDirectory, 'playground');
  mkdirSync(logDirectory, { recursive: true });

  process.once('SIGINT', () => void children.stopAll(0));
  process.once('SIGTERM', () => void children.stopAll(0));

  // The playground sends no tokens: the bot must run in local mode whatever the shell has set.
  const inherited = { ...process.env };
  delete inherited.MICROSOFT_APP_ID;
  delete inherited.MICROSOFT_APP_PASSWORD;
  // Through the launcher, which starts the development database unless MONGODB_URI is set.
  children.start('bot', process.execPath, ['--disable-warning=DEP0111', path.join(projectRoot, 'dist', 'local', 'withDatabase.js'), path.join(projectRoot, 'dist', 'bot', 'index.js')], {
    ...inherited,
    NODE_ENV: 'development',
    PORT: String(botPort),
    ...botEnvironment(staff),
  });
  await waitForAnswer(`http://localhost:${botPort}/healthz`, children, 'the bot');

  for (const window of windows) {
    children.start(window.name, process.execPath, playgroundArguments(window, botPort), {
      ...inherited,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: window.configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDirectory, `${window.name}.log`),
      // Opening the window tells the bot about the person's 1:1 chat, as installing the app does
      // in Teams, so proactive messages (a decision, a signature card) reach them at once.
      SEND_INSTALLATION_ACTIVITY: 'true',
      TEAMSAPPTESTER_BROWSER: openBrowser ? (process.env.TEAMSAPPTESTER_BROWSER ?? '') : 'none',
    });
  }
  for (const window of windows) await waitForAnswer(`${window.url}/_debug/ping`, children, `the ${window.name} window`);

  console.log(
    [
      '',
      `DARS Bot and the Microsoft 365 Agents Playground are running (bot: http://localhost:${botPort}/api/messages).`,
      ...windows.map((w) => `  ${w.url.padEnd(24)} ${who[w.name]}`),
      '',
      'In the applicant window, say "new enquiry". In the staff window, the DARS team\'s General',
      'channel is the triage channel. See the README, "Try it as every person". Ctrl+C stops everything.',
      '',
    ].join('\n'),
  );
}

function playgroundArguments(window: PlaygroundWindow, botPort: number): string[] {
  return [
    playgroundCli,
    '--app-endpoint', `http://127.0.0.1:${botPort}/api/messages`,
    '--channel-id', 'msteams',
    '--port', String(window.port),
    '--service-url', window.serviceUrl,
    '--disable-telemetry',
  ];
}

/** The processes this launcher started, each stopped by its own id. */
class Children {
  private readonly running = new Map<string, ChildProcess>();
  private stopping = false;

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.running.set(name, child);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
    }
    child.once('exit', (code, signal) => {
      this.running.delete(name);
      // Ctrl+C in a terminal reaches every process of the group at once: a child may stop a
      // moment before this process's own SIGINT handler runs, which is not a failure.
      setTimeout(() => {
        if (this.stopping) return;
        console.error(`[${name}] stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`);
        void this.stopAll(1);
      }, 500).unref();
    });
  }

  isRunning(): boolean {
    return !this.stopping;
  }

  async stopAll(exitCode: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    const exits = [...this.running.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    );
    await Promise.all(exits);
    process.exit(exitCode);
  }
}

async function ensureFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`port ${port} is in use: stop what uses it (another npm run playground or npm start?) and try again`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function waitForAnswer(url: string, children: Children, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (children.isRunning()) {
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${what} did not answer at ${url} within two minutes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const children = new Children();
main(children).catch((error: unknown) => {
  console.error(`npm run playground: ${error instanceof Error ? error.message : String(error)}`);
  void children.stopAll(1);
});
