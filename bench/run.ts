import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

import { MongoClient } from 'mongodb';

import { startEmbeddedServer, type EmbeddedServer } from '../local/database/embeddedServer';
import { ConnectorStandIn } from '../test/support/connectorStandIn';
import { readableText } from '../test/support/teams';
import { triageChannel } from './darsBot';
import { LaunchedBot } from './launch';
import { echoScript, enquiryScript, runApplicants, type ScriptedTurn } from './load';
import { formatTable, turnsPerSecond, type RunFigures } from './stats';
import { positiveInteger, progress, runBenchmark } from './benchCli';
import { formatScale, measureAtScale, readScaleSettings, scaleDatabaseParts } from './scale';

/**
 * `npm run bench`: N applicants complete enquiries concurrently over HTTP against a real DARS
 * Bot process and database, then the same load runs against a minimal echo bot on the same
 * stack, and the figures are printed side by side. It prints numbers and asserts nothing about
 * speed; it exits non-zero only when a turn went wrong, so a broken bot cannot look fast.
 *
 *   BENCH_APPLICANTS   applicants measured per bot (default 50; 9 turns each)
 *   BENCH_CONCURRENCY  applicants in flight at once (default 10)
 *   BENCH_WARMUP       applicants run first and not measured (default 5): JIT, pools, indexes
 *   BENCH_SCALE        0: skip the figures at scale (bench/scale.ts lists their settings)
 *   MONGODB_URI        a server to use instead of the embedded FerretDB
 */
const turnsPerApplicant = enquiryScript().length;

interface Settings {
  readonly applicants: number;
  readonly concurrency: number;
  readonly warmup: number;
}

interface BotUnderTest {
  readonly label: string;
  readonly entry: string;
  readonly databaseName: string;
  readonly script: () => ScriptedTurn[];
  readonly env: Record<string, string>;
  /** Each submitted enquiry should end as a review card in the triage channel. */
  readonly postsReviewCards: boolean;
}

interface Measured {
  readonly figures: RunFigures;
  readonly failures: string[];
}

async function main(): Promise<number> {
  const settings = readSettings();
  const loadAtStart = os.loadavg().map((load) => load.toFixed(1)).join(', ');
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

  progress('starting the database server');
  let server: EmbeddedServer | undefined;
  if (!process.env.MONGODB_URI) {
    server = await startEmbeddedServer({ purpose: 'throwaway', dataDirectory: '', log: progress });
  }
  const uri = process.env.MONGODB_URI ?? server!.uri;
  const databaseDescription = server?.description ?? 'the server at MONGODB_URI';
  const client = await MongoClient.connect(uri);
  const connector = await ConnectorStandIn.start();

  const bots: BotUnderTest[] = [
    {
      label: 'enquiry bot',
      entry: path.resolve(__dirname, '..', 'bot', 'index.js'),
      databaseName: `bench_${runId}_dars`,
      script: enquiryScript,
      env: { TEAMS_SERVICE_URL: connector.url, TRIAGE_CHANNEL_ID: triageChannel },
      postsReviewCards: true,
    },
    {
      label: 'echo bot',
      entry: path.resolve(__dirname, 'echoBot.js'),
      databaseName: `bench_${runId}_echo`,
      script: echoScript,
      env: {},
      postsReviewCards: false,
    },
  ];

  try {
    const results: Measured[] = [];
    // One bot at a time: on a small machine two bots under load would measure each other.
    for (const bot of bots) results.push(await measure(bot, uri, connector, settings));

    const [dars, echo] = results.map((result) => result.figures);
    console.log('');
    console.log(`load average at the start: ${loadAtStart}`);
    console.log(
      `DARS Bot enquiry benchmark — ${settings.applicants} applicants × ${turnsPerApplicant} turns, ` +
        `concurrency ${settings.concurrency}, ${databaseDescription}`,
    );
    console.log(formatTable([dars, echo]));
    console.log(`throughput ratio (enquiry / echo): ${(turnsPerSecond(dars) / turnsPerSecond(echo)).toFixed(2)}`);

    const failures = results.flatMap((result) => result.failures);
    if (process.env.BENCH_SCALE !== '0') {
      const scaleSettings = readScaleSettings(settings.concurrency);
      const scale = await measureAtScale(uri, `bench_${runId}`, () => ConnectorStandIn.start(), scaleSettings);
      console.log('');
      console.log(formatScale(scale, scaleSettings));
      failures.push(...scale.failures);
    }
    console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(1)).join(', ')}`);
    console.log(failures.length === 0 ? 'failures: none' : `failures: ${failures.length}`);
    for (const failure of failures) console.log(`  - ${failure}`);
    return failures.length === 0 ? 0 : 1;
  } finally {
    await connector.close();
    for (const bot of bots) await client.db(bot.databaseName).dropDatabase().catch(() => undefined);
    for (const part of scaleDatabaseParts) await client.db(`bench_${runId}_${part}`).dropDatabase().catch(() => undefined);
    await client.close();
    await server?.stop();
  }
}

async function measure(bot: BotUnderTest, uri: string, connector: ConnectorStandIn, settings: Settings): Promise<Measured> {
  progress(`${bot.label}: starting`);
  const launched = await LaunchedBot.start({ entry: bot.entry, env: { MONGODB_URI: uri, MONGODB_DB: bot.databaseName, ...bot.env } });
  try {
    const load = { botUrl: launched.url, connector, concurrency: settings.concurrency, script: bot.script };
    progress(`${bot.label}: warming up with ${settings.warmup} applicants`);
    const warmup = await runApplicants({ ...load, applicants: settings.warmup, namePrefix: 'Warm-up applicant' });
    progress(`${bot.label}: ${settings.applicants} applicants, ${settings.concurrency} at a time`);
    const run = await runApplicants({ ...load, applicants: settings.applicants, namePrefix: 'Bench applicant' });

    const failures = [...warmup.failures.map((failure) => `warm-up ${failure}`), ...run.failures];
    if (bot.postsReviewCards) failures.push(...(await reviewCardsMissing(connector, settings.warmup + settings.applicants)));
    failures.push(...launched.errors.map((line) => `logged by the bot: ${line.slice(0, 300)}`));
    const figures = { label: bot.label, turns: run.turns, wallMs: run.wallMs, latenciesMs: run.latenciesMs, peakRssBytes: launched.peakRssBytes() };
    return { figures, failures: failures.map((failure) => `${bot.label}: ${failure}`) };
  } finally {
    await launched.stop();
  }
}

/**
 * Not timed: every submitted enquiry should reach the triage channel as a review card, posted
 * by the outbox worker after the turn. A bot that answers fast but loses its outbox is broken.
 */
async function reviewCardsMissing(connector: ConnectorStandIn, expected: number): Promise<string[]> {
  const count = () => connector.sent(triageChannel).filter((activity) => /Enquiry review/.test(readableText(activity))).length;
  try {
    await connector.waitFor(() => count() >= expected, 30_000, `${expected} review cards in the triage channel`);
    return [];
  } catch {
    return [`${count()} of ${expected} review cards reached the triage channel within 30 s`];
  }
}

function readSettings(): Settings {
  return {
    applicants: positiveInteger('BENCH_APPLICANTS', 50),
    concurrency: positiveInteger('BENCH_CONCURRENCY', 10),
    warmup: positiveInteger('BENCH_WARMUP', 5),
  };
}



runBenchmark(main);
