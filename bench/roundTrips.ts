import { performance } from 'node:perf_hooks';

import type { ConnectorStandIn } from '../test/support/connectorStandIn';
import { readableText, teamsUser } from '../test/support/teams';
import { clickProblem, referenceIn, reviewCard, startDarsBot, staffClick } from './darsBot';
import { enquiryScript, post, RepliesByConversation } from './load';
import { percentile } from './stats';
import { WireCounter, type WireCommand } from './wireCounter';
import { progress } from './benchCli';

/**
 * Database round trips per turn and per decision, counted on the wire between a DARS Bot process
 * and the database (bench/wireCounter.ts). One applicant at a time completes an enquiry, then
 * staff accept it on its review card; each turn and each click is counted from its POST to its
 * HTTP response, after the bot has gone quiet (the outbox delivering the previous card), so that
 * the count is the turn's own work. The outbox worker's poll can still fall inside a window
 * now and then: the figures are medians over the samples.
 */

export interface RoundTripFigures {
  readonly perTurn: readonly number[];
  readonly perSubmit: readonly number[];
  readonly perDecision: readonly number[];
  /** The commands of one decision, e.g. "find caseCommits ×4". */
  readonly decisionCommands: string;
  readonly failures: string[];
}

export async function countRoundTrips(uri: string, databaseName: string, connector: ConnectorStandIn, samples: number): Promise<RoundTripFigures> {
  const counter = await WireCounter.start(uri);
  const bot = await startDarsBot(counter.uriFor(uri), databaseName, connector);
  const replies = new RepliesByConversation(connector);
  const figures = { perTurn: [] as number[], perSubmit: [] as number[], perDecision: [] as number[], decisionCommands: '', failures: [] as string[] };
  const counted = async <T>(action: () => Promise<T>): Promise<[T, WireCommand[]]> => {
    await quiet(counter);
    const from = performance.now();
    const result = await action();
    return [result, counter.between(from, performance.now())];
  };
  try {
    progress(`round trips: ${samples} applicants one at a time, each enquiry accepted by staff`);
    for (let sample = 1; sample <= samples; sample++) {
      const person = teamsUser(`Counted applicant ${sample}`);
      let reference: string | undefined;
      for (const turn of enquiryScript()) {
        const [outcome, commands] = await counted(() => post({ botUrl: bot.url, connector }, replies, person, turn.activity));
        const problem = outcome.status >= 300 ? `HTTP ${outcome.status}` : turn.check(outcome);
        if (problem) figures.failures.push(`round trips, applicant ${sample}, ${turn.name}: ${problem}`);
        if (turn.name === 'submit') {
          figures.perSubmit.push(commands.length);
          reference = referenceIn([outcome.body, ...outcome.sent.map(readableText)].join('\n'));
        } else figures.perTurn.push(commands.length);
      }
      const card = reference ? await connector.waitFor(() => reviewCard(connector, reference), 30_000, 'the review card').catch(() => undefined) : undefined;
      if (!card) {
        figures.failures.push(`round trips, applicant ${sample}: no review card`);
        continue;
      }
      const [click, commands] = await counted(() => staffClick(bot.url, connector, card, 'enquiry.accept'));
      const problem = clickProblem(click);
      if (problem) figures.failures.push(`round trips, accepting ${reference}: ${problem}`);
      figures.perDecision.push(commands.length);
      if (commands.length === percentile(figures.perDecision, 50)) figures.decisionCommands = describe(commands);
    }
    figures.failures.push(...bot.errors.map((line) => `round trips, logged by the bot: ${line.slice(0, 300)}`));
    return figures;
  } finally {
    await bot.stop();
    await counter.close();
  }
}

/** Waits until the bot has sent no command for `quietMs` (its outbox is done), at most `limitMs`. */
async function quiet(counter: WireCounter, quietMs = 300, limitMs = 5_000): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    const last = counter.commands.at(-1)?.at ?? 0;
    if (performance.now() - last >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, quietMs / 3));
  }
}

function describe(commands: readonly WireCommand[]): string {
  const counts = new Map<string, number>();
  for (const command of commands) {
    const key = `${command.name} ${command.collection ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} ×${count}`).join(', ');
}
