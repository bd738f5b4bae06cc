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
import { machineSettled } from './processCpu';
import { formatScale, measureAtScale, readScaleSettings, scaleDatabaseParts } from './scale';

/**
 * `npm run bench`: N applicants complete enquiries concurrently over HTTP against a real DARS
 * Bot process and database, then the same load runs against a minimal echo bot on the same
 * stack, and the figures are printed side by side. It prints numbers and asserts nothing about
 * speed; it exits non-zero only when a turn went wrong, so a broken bot cannot look fast.
 *
 * Both bots are started at once but measured one at a time (on a small machine two bots under
 * load would measure each other), in rounds that alternate which goes first (ABBA…): a shared
 * machine's speed drifts by more than the difference being measured over the seconds one run
 * takes, and a drift then falls on both bots alike. The ratio printed is the median of the
 * rounds' ratios. A round of the DARS bot ends when its review cards are all in the triage
 * channel, so its deliveries never run during the echo bot's round, and every round starts on a
 * quiet machine (`machineSettled`), so neither pays for what the other set going.
 *
 *   BENCH_APPLICANTS   applicants measured per bot per round (default 50; 9 turns each)
 *   BENCH_ROUNDS       rounds (default 5)
 *   BENCH_ENTRY        the DARS bot's compiled entry to run instead of this build's (another build's
 *                      dist/bot/index.js, to compare two versions under the same benchmark)
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
  readonly rounds: number;
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
      entry: process.env.BENCH_ENTRY ? path.resolve(process.env.BENCH_ENTRY) : path.resolve(__dirname, '..', 'bot', 'index.js'),
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
    const results = await measureInRounds(bots, uri, connector, settings);
    const [dars, echo] = results.map((result) => result.figures);
    const ratios = results[0]!.rounds.map((round, i) => turnsPerSecond(round) / turnsPerSecond(results[1]!.rounds[i]!)).sort((a, b) => a - b);
    console.log('');
    console.log(`load average at the start: ${loadAtStart}`);
    console.log(
      `DARS Bot enquiry benchmark — ${settings.rounds} rounds × ${settings.applicants} applicants × ${turnsPerApplicant} turns per bot, ` +
        `concurrency ${settings.concurrency}, ${databaseDescription}`,
    );
    console.log(formatTable([dars, echo]));
    console.log(`turns/s by round: ${results.map((result) => `${result.figures.label} ${result.rounds.map((round) => turnsPerSecond(round).toFixed(0)).join(' ')}`).join('; ')}`);
    console.log(
      `throughput ratio (enquiry / echo): ${median(ratios).toFixed(2)}, the median of ${ratios.length} rounds ` +
        `(${ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; all turns pooled: ${(turnsPerSecond(dars) / turnsPerSecond(echo)).toFixed(2)})`,
    );

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

interface MeasuredInRounds extends Measured {
  readonly rounds: readonly RunFigures[];
}

/** Starts every bot, warms each up, then measures them one at a time, round after round (see above). */
async function measureInRounds(bots: readonly BotUnderTest[], uri: string, connector: ConnectorStandIn, settings: Settings): Promise<MeasuredInRounds[]> {
  const launched: LaunchedBot[] = [];
  try {
    for (const bot of bots) {
      progress(`${bot.label}: starting`);
      launched.push(await LaunchedBot.start({ entry: bot.entry, env: { MONGODB_URI: uri, MONGODB_DB: bot.databaseName, ...bot.env } }));
    }
    const loadFor = (i: number) => ({ botUrl: launched[i]!.url, connector, concurrency: settings.concurrency, script: bots[i]!.script });
    const failures = bots.map((): string[] => []);
    const rounds = bots.map((): RunFigures[] => []);
    let reviewCardsDue = 0;
    for (const [i, bot] of bots.entries()) {
      progress(`${bot.label}: warming up with ${settings.warmup} applicants`);
      const warmup = await runApplicants({ ...loadFor(i), applicants: settings.warmup, namePrefix: 'Warm-up applicant' });
      failures[i]!.push(...warmup.failures.map((failure) => `warm-up ${failure}`));
      if (bot.postsReviewCards) failures[i]!.push(...(await reviewCardsMissing(connector, (reviewCardsDue += settings.warmup))));
    }
    for (let round = 1; round <= settings.rounds; round++) {
      const order = round % 2 === 1 ? [...bots.keys()] : [...bots.keys()].reverse();
      for (const i of order) {
        const bot = bots[i]!;
        await machineSettled();
        progress(`round ${round} of ${settings.rounds}, ${bot.label}: ${settings.applicants} applicants, ${settings.concurrency} at a time`);
        const run = await runApplicants({ ...loadFor(i), applicants: settings.applicants, namePrefix: `Round ${round} applicant` });
        failures[i]!.push(...run.failures);
        if (bot.postsReviewCards) failures[i]!.push(...(await reviewCardsMissing(connector, (reviewCardsDue += settings.applicants))));
        rounds[i]!.push({ label: bot.label, turns: run.turns, wallMs: run.wallMs, latenciesMs: run.latenciesMs, peakRssBytes: undefined });
      }
    }
    return bots.map((bot, i) => {
      const own = rounds[i]!;
      const figures = {
        label: bot.label,
        turns: own.reduce((sum, run) => sum + run.turns, 0),
        wallMs: own.reduce((sum, run) => sum + run.wallMs, 0),
        latenciesMs: own.flatMap((run) => run.latenciesMs),
        peakRssBytes: launched[i]!.peakRssBytes(),
      };
      const logged = launched[i]!.errors.map((line) => `logged by the bot: ${line.slice(0, 300)}`);
      return { figures, rounds: own, failures: [...failures[i]!, ...logged].map((failure) => `${bot.label}: ${failure}`) };
    });
  } finally {
    for (const bot of launched) await bot.stop();
  }
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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
    rounds: positiveInteger('BENCH_ROUNDS', 5),
  };
}



runBenchmark(main);
