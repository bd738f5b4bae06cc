import type { ConnectorStandIn } from '../test/support/connectorStandIn';
import { submitBurst, type BurstResult } from './burst';
import { turnsAmongConversations, warmWithoutMoreConversations } from './conversations';
import { startDarsBot } from './darsBot';
import { countRoundTrips, type RoundTripFigures } from './roundTrips';
import { formatTable, percentile, turnsPerSecond, type RunFigures } from './stats';
import { positiveInteger } from './benchCli';

/**
 * The bench's figures at scale, after the enquiry/echo comparison (bench/run.ts): turns with
 * many conversations held, a burst of submissions, staff clicks, and round trips to the
 * database. Each part runs against its own DARS Bot process, database and connector stand-in,
 * so a case reference or a card of one part is never mistaken for another's.
 *
 *   BENCH_CONVERSATIONS       conversations part-way through an enquiry (default 1000; compared with 50)
 *   BENCH_BURST               applicants submitting in the burst (default 50)
 *   BENCH_BURST_SECONDS       the burst's length (default 10)
 *   BENCH_CLICK_CONCURRENCY   staff clicks in flight at once (default 4)
 *   BENCH_ROUND_TRIP_SAMPLES  enquiries and decisions counted on the wire (default 5)
 */

export interface ScaleSettings {
  readonly conversations: number;
  readonly fewConversations: number;
  readonly concurrency: number;
  readonly burst: number;
  readonly burstSeconds: number;
  readonly clickConcurrency: number;
  readonly roundTripSamples: number;
}

export function readScaleSettings(concurrency: number): ScaleSettings {
  const conversations = positiveInteger('BENCH_CONVERSATIONS', 1000);
  return {
    conversations,
    fewConversations: Math.min(50, conversations),
    concurrency,
    burst: positiveInteger('BENCH_BURST', 50),
    burstSeconds: positiveInteger('BENCH_BURST_SECONDS', 10),
    clickConcurrency: positiveInteger('BENCH_CLICK_CONCURRENCY', 4),
    roundTripSamples: positiveInteger('BENCH_ROUND_TRIP_SAMPLES', 5),
  };
}

export interface ScaleFigures {
  readonly conversations: RunFigures[];
  readonly burst: BurstResult;
  readonly roundTrips: RoundTripFigures;
  readonly failures: string[];
}

export async function measureAtScale(
  uri: string,
  databasePrefix: string,
  newConnector: () => Promise<ConnectorStandIn>,
  settings: ScaleSettings,
): Promise<ScaleFigures> {
  const failures: string[] = [];
  const withBot = async <T>(part: string, run: (botUrl: string, connector: ConnectorStandIn) => Promise<T>): Promise<T> => {
    const connector = await newConnector();
    const bot = await startDarsBot(uri, `${databasePrefix}_${part}`, connector);
    try {
      return await run(bot.url, connector);
    } finally {
      failures.push(...bot.errors.map((line) => `${part}, logged by the bot: ${line.slice(0, 300)}`));
      await bot.stop();
      await connector.close();
    }
  };

  // Each row on its own bot and database, equally warm (see bench/conversations.ts).
  const conversations: RunFigures[] = [];
  for (const [row, count] of [settings.fewConversations, settings.conversations].entries()) {
    conversations.push(await withBot(row === 0 ? 'turnsFew' : 'turnsMany', async (botUrl, connector) => {
      if (row === 0) failures.push(...(await warmWithoutMoreConversations(botUrl, connector, count, settings.conversations * 4, settings.concurrency)));
      const run = await turnsAmongConversations(botUrl, connector, count, settings.concurrency);
      failures.push(...run.failures);
      return run.figures;
    }));
  }
  const burst = await withBot('burst', (botUrl, connector) =>
    submitBurst({ botUrl, connector, applicants: settings.burst, seconds: settings.burstSeconds, clickConcurrency: settings.clickConcurrency }),
  );
  failures.push(...burst.failures);
  const connector = await newConnector();
  const roundTrips = await countRoundTrips(uri, `${databasePrefix}_trips`, connector, settings.roundTripSamples).finally(() => connector.close());
  failures.push(...roundTrips.failures);
  return { conversations, burst, roundTrips, failures };
}

/** The part databases measureAtScale creates, to drop afterwards. */
export const scaleDatabaseParts = ['turnsFew', 'turnsMany', 'burst', 'trips'];

export function formatScale(figures: ScaleFigures, settings: ScaleSettings): string {
  const [few, many] = figures.conversations;
  const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} ms`);
  const spread = (values: readonly number[]) => `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}`;
  const median = (values: readonly number[]) =>
    values.length === 0 ? 'n/a' : `${percentile(values, 50)} (range ${Math.min(...values)}–${Math.max(...values)}, ${values.length} counted)`;
  const { burst, roundTrips } = figures;
  return [
    `Turns with conversations part-way through an enquiry (one timed turn each, concurrency ${settings.concurrency})`,
    formatTable(figures.conversations),
    `throughput ratio (${settings.conversations} / ${settings.fewConversations} conversations): ${(turnsPerSecond(many) / turnsPerSecond(few)).toFixed(2)}`,
    '',
    `Burst: ${settings.burst} Submits within ${settings.burstSeconds} s`,
    `  Submit → review card in the triage channel: ${spread(burst.submitToCardMs)} (${burst.submitToCardMs.length} of ${settings.burst} arrived)`,
    `  a staff click halfway through the burst → its notice in the applicant's 1:1 chat: ${ms(burst.noticeMs)}`,
    `  staff click (accept) → invoke response, ${burst.clickMs.length} clicks ${settings.clickConcurrency} at a time: ${spread(burst.clickMs)}`,
    '',
    'Database round trips (commands counted on the wire, bot to database; median over the samples)',
    `  per enquiry turn: ${median(roundTrips.perTurn)}`,
    `  per Submit turn: ${median(roundTrips.perSubmit)}`,
    `  per staff decision inside the invoke: ${median(roundTrips.perDecision)}`,
    `    one decision: ${roundTrips.decisionCommands || 'n/a'}`,
  ].join('\n');
}
