import path from 'node:path';
import { randomBytes } from 'node:crypto';

import { MongoClient } from 'mongodb';

import { startEmbeddedServer, type EmbeddedServer } from '../local/database/embeddedServer';
import { ConnectorStandIn } from '../test/support/connectorStandIn';
import { readableText, teamsUser } from '../test/support/teams';
import { positiveInteger, progress, runBenchmark } from './benchCli';
import { triageChannel } from './darsBot';
import { LaunchedBot } from './launch';
import { echoScript, enquiryScript, post, RepliesByConversation } from './load';
import { childPids, processCpuMs } from './processCpu';

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
  const bot = await LaunchedBot.start({
    entry: path.resolve(__dirname, '..', echo ? 'bench/echoBot.js' : 'bot/index.js'),
    env: { MONGODB_URI: uri, MONGODB_DB: databaseName, TEAMS_SERVICE_URL: connector.url, TRIAGE_CHANNEL_ID: triageChannel },
  });
  const replies = new RepliesByConversation(connector);
  const failures: string[] = [];
  const cpu = () => processCpuMs(bot.pid) ?? NaN;
  const databaseServers = childPids().filter((pid) => pid !== bot.pid);
  const databaseCpu = () => databaseServers.reduce((sum, pid) => sum + (processCpuMs(pid) ?? 0), 0);
  const reviewCards = () => (echo ? Infinity : connector.sent(triageChannel).filter((activity) => /Enquiry review/.test(readableText(activity))).length);

  /** Runs `count` applicants one after another; adds each turn's CPU to `byTurn`. */
  const run = async (count: number, prefix: string, byTurn: Map<string, number>) => {
    for (let number = 1; number <= count; number++) {
      const user = teamsUser(`${prefix} ${number}`);
      for (const turn of script()) {
        const before = cpu();
        const outcome = await post({ botUrl: bot.url, connector }, replies, user, turn.activity);
        byTurn.set(turn.name, (byTurn.get(turn.name) ?? 0) + cpu() - before);
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
    const byTurn = new Map<string, number>();
    const started = cpu();
    const databaseStarted = databaseCpu();
    await run(applicants, 'Measured applicant', byTurn);
    const turnsDone = cpu();
    await connector.waitFor(() => reviewCards() >= warmup + applicants, 30_000, 'the review cards');
    const ended = cpu();
    const databaseEnded = databaseCpu();

    const turns = applicants * script().length;
    console.log(`${echo ? 'echo' : 'DARS'} bot CPU per turn: ${((ended - started) / turns).toFixed(2)} ms ` +
      `(${applicants} applicants × ${script().length} turns; ${(ended - started).toFixed(0)} ms in all, ` +
      `of which ${(ended - turnsDone).toFixed(0)} ms after the last turn: outbox, review cards)`);
    console.log(`database server (FerretDB) CPU per turn: ${((databaseEnded - databaseStarted) / turns).toFixed(2)} ms`);
    for (const [name, ms] of byTurn) console.log(`  ${name.padEnd(30)} ${(ms / applicants).toFixed(2)} ms`);
    failures.push(...bot.errors.map((line) => `logged by the bot: ${line.slice(0, 300)}`));
    console.log(failures.length === 0 ? 'failures: none' : `failures: ${failures.length}`);
    for (const failure of failures) console.log(`  - ${failure}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await bot.stop();
    await connector.close();
    await client.db(databaseName).dropDatabase().catch(() => undefined);
    await client.close();
    await server?.stop();
  }
}

runBenchmark(main);
