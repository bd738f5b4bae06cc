import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { MongoClient } from 'mongodb';

import { startEmbeddedServer, type EmbeddedServer } from '../local/database/embeddedServer';
import { ConnectorStandIn } from '../test/support/connectorStandIn';
import { readableText, teamsUser } from '../test/support/teams';
import { positiveInteger, progress, runBenchmark } from './benchCli';
import { triageChannel } from './darsBot';
import { LaunchedBot } from './launch';
import { echoScript, enquiryScript, post, RepliesByConversation } from './load';
import { childPids, postgresBackendPids, processCpuMs } from './processCpu';
import { loadEmbeddedSettings } from '../local/database/embeddedSettings';
import { WireCounter } from './wireCounter';

/**
 * The bot's CPU per enquiry turn, the cost behind the enquiry/echo throughput ratio, measured
 * as CPU rather than throughput so that a machine shared with other work still gives a steady
 * figure. Applicants go one at a time through the bench's enquiry script (bench/load.ts); the
 * bot's CPU (/proc, user + system) is read around each turn, and at the end once every review
 * card has reached the triage channel (the outbox's work belongs to the enquiry too). The
 * embedded FerretDB's CPU is printed beside it (PostgreSQL behind it is not counted).
 *
 *   node dist/bench/enquiryCpu.js      (after npm run build)
 *
 *   BENCH_APPLICANTS   applicants measured (default 30; 9 turns each)
 *   BENCH_WARMUP       applicants run first and not measured (default 10): JIT, pools, indexes
 *   BENCH_BOT          echo: the bench's echo bot and its script instead, for comparison
 *   BENCH_COUNT        1: also count the database commands of each turn (through bench/wireCounter.ts's
 *                      proxy, which costs the bot a little CPU of its own), e.g. "find conversationState ×1"
 *   BENCH_ENTRY        the bot's compiled entry to run instead of this build's (e.g. a copy of an older
 *                      dist/ kept inside the project, to compare two builds turn about on a busy machine)
 *   BENCH_NODE_ARGS    extra node flags for the bot, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof
 *   MONGODB_URI        a server to use instead of the embedded FerretDB
 *
 * It prints numbers and asserts nothing about speed; it exits non-zero when a turn went wrong.
 */
async function main(): Promise<number> {
  const applicants = positiveInteger('BENCH_APPLICANTS', 30);
  const warmup = positiveInteger('BENCH_WARMUP', 10);
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const databaseName = `bench_${runId}_cpu`;

  progress('starting the database server');
  let server: EmbeddedServer | undefined;
  if (!process.env.MONGODB_URI) server = await startEmbeddedServer({ purpose: 'throwaway', dataDirectory: '', log: progress });
  const uri = process.env.MONGODB_URI ?? server!.uri;
  const client = await MongoClient.connect(uri);
  const connector = await ConnectorStandIn.start();
  const echo = process.env.BENCH_BOT === 'echo';
  const script = echo ? echoScript : enquiryScript;
  const counter = process.env.BENCH_COUNT === '1' ? await WireCounter.start(uri) : undefined;
  const bot = await LaunchedBot.start({
    entry: process.env.BENCH_ENTRY ? path.resolve(process.env.BENCH_ENTRY) : path.resolve(__dirname, '..', echo ? 'bench/echoBot.js' : 'bot/index.js'),
    env: { MONGODB_URI: counter?.uriFor(uri) ?? uri, MONGODB_DB: databaseName, TEAMS_SERVICE_URL: connector.url, TRIAGE_CHANNEL_ID: triageChannel },
  });
  const replies = new RepliesByConversation(connector);
  const failures: string[] = [];
  const cpu = () => processCpuMs(bot.pid) ?? NaN;
  const databaseServers = childPids().filter((pid) => pid !== bot.pid);
  const databaseCpu = () => databaseServers.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
  // PostgreSQL behind the embedded FerretDB: its backends for this run's database (FerretDB's pool, open by now).
  const postgresDatabase = server ? new URL(loadEmbeddedSettings().FERRETDB_POSTGRESQL_URL).pathname.slice(1) : '';
  const postgresCpu = (pids: number[]) => pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
  const reviewCards = () => (echo ? Infinity : connector.sent(triageChannel).filter((activity) => /Enquiry review/.test(readableText(activity))).length);

  const commandsByTurn = new Map<string, Map<string, number>>();
  const connectorCallsByTurn = new Map<string, number>();
  /** Runs `count` applicants one after another; adds each turn's CPU to `byTurn`. */
  const run = async (count: number, prefix: string, byTurn: Map<string, number>) => {
    for (let number = 1; number <= count; number++) {
      const user = teamsUser(`${prefix} ${number}`);
      for (const turn of script()) {
        const before = cpu();
        const from = performance.now();
        const callsBefore = connector.calls.length;
        const outcome = await post({ botUrl: bot.url, connector }, replies, user, turn.activity);
        byTurn.set(turn.name, (byTurn.get(turn.name) ?? 0) + cpu() - before);
        connectorCallsByTurn.set(turn.name, (connectorCallsByTurn.get(turn.name) ?? 0) + (connector.calls.length - callsBefore) / count);
        const commands = commandsByTurn.get(turn.name) ?? new Map<string, number>();
        for (const command of counter?.between(from, performance.now()) ?? []) {
          const key = `${command.name} ${command.collection ?? ''}`;
          commands.set(key, (commands.get(key) ?? 0) + 1 / count);
        }
        commandsByTurn.set(turn.name, commands);
        const problem = outcome.status >= 300 ? `HTTP ${outcome.status}` : turn.check(outcome);
        if (problem) {
          failures.push(`${prefix} ${number}, ${turn.name}: ${problem}`);
          break;
        }
      }
    }
  };

  try {
    progress(`warming up with ${warmup} applicants`);
    await run(warmup, 'Warm-up applicant', new Map());
    await connector.waitFor(() => reviewCards() >= warmup, 30_000, 'the warm-up review cards');
    progress(`${applicants} applicants, one at a time`);
    commandsByTurn.clear();
    connectorCallsByTurn.clear();
    const byTurn = new Map<string, number>();
    const started = cpu();
    const driverStarted = process.cpuUsage();
    const databaseStarted = databaseCpu();
    const backends = postgresDatabase ? postgresBackendPids(postgresDatabase) : [];
    const postgresStarted = postgresCpu(backends);
    const startedAt = performance.now();
    await run(applicants, 'Measured applicant', byTurn);
    const turnsDone = cpu();
    await connector.waitFor(() => reviewCards() >= warmup + applicants, 30_000, 'the review cards');
    const ended = cpu();
    const driver = process.cpuUsage(driverStarted);
    const databaseEnded = databaseCpu();
    const postgresEnded = postgresCpu(backends);

    const turns = applicants * script().length;
    console.log(`${echo ? 'echo' : 'DARS'} bot CPU per turn: ${((ended - started) / turns).toFixed(2)} ms ` +
      `(${applicants} applicants × ${script().length} turns; ${(ended - started).toFixed(0)} ms in all, ` +
      `of which ${(ended - turnsDone).toFixed(0)} ms after the last turn: outbox, review cards)`);
    console.log(`database server (FerretDB) CPU per turn: ${((databaseEnded - databaseStarted) / turns).toFixed(2)} ms`);
    // What `npm run bench` also spends per turn on the same cores: its load and its Teams stand-in.
    console.log(`this process (the applicants and the Teams stand-in) CPU per turn: ${((driver.user + driver.system) / 1000 / turns).toFixed(2)} ms`);
    if (backends.length > 0) {
      console.log(`PostgreSQL CPU per turn: ${((postgresEnded - postgresStarted) / turns).toFixed(2)} ms (${backends.length} backends of ${postgresDatabase}; others sharing the database would count too)`);
    }
    if (counter) {
      const all = new Map<string, number>();
      for (const command of counter.between(startedAt, performance.now())) {
        const key = `${command.name} ${command.collection ?? ''}`;
        all.set(key, (all.get(key) ?? 0) + 1);
      }
      const total = [...all.values()].reduce((sum, n) => sum + n, 0);
      console.log(`database commands per turn: ${(total / turns).toFixed(2)} (` +
        [...all].sort((a, b) => b[1] - a[1]).map(([command, n]) => `${command} ×${(n / turns).toFixed(2)}`).join(', ') + ')');
    }
    for (const [name, ms] of byTurn) {
      const commands = [...(commandsByTurn.get(name) ?? [])].map(([command, times]) => `${command} ×${times.toFixed(1)}`).join(', ');
      const calls = `${(connectorCallsByTurn.get(name) ?? 0).toFixed(1)} calls to Teams`;
      console.log(`  ${name.padEnd(30)} ${(ms / applicants).toFixed(2)} ms  ${calls}${counter ? `; ${commands}` : ''}`);
    }
    failures.push(...bot.errors.map((line) => `logged by the bot: ${line.slice(0, 300)}`));
    console.log(failures.length === 0 ? 'failures: none' : `failures: ${failures.length}`);
    for (const failure of failures) console.log(`  - ${failure}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await bot.stop();
    await counter?.close();
    await connector.close();
    await client.db(databaseName).dropDatabase().catch(() => undefined);
    await client.close();
    await server?.stop();
  }
}

runBenchmark(main);
