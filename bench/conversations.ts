import type { ConnectorStandIn } from '../test/support/connectorStandIn';
import { teamsUser } from '../test/support/teams';
import { cancelTurn, enquiryScript, runApplicants } from './load';
import type { RunFigures } from './stats';
import { progress } from './benchCli';

/**
 * Turns while many conversations are part-way through an enquiry: each of `conversations`
 * applicants first says "new enquiry" and answers the first questions (not timed; this is what
 * leaves one saved conversation state per person, as a busy day would), then every one of them
 * answers the next question, `concurrency` at a time, and those turns are timed. Run once with
 * few conversations and once with many, each on its own bot and database, the two rows show
 * whether a turn's cost grows with the number of conversations the bot holds. Taking 1,000
 * conversations part-way warms a bot (JIT) with 4,000 turns; the few-conversations bot gets as
 * many first (`warmWithoutMoreConversations`), or its row would measure a cold bot.
 */

/** "new enquiry" and the first three answers: part-way, with four questions still to come. */
const turnsBefore = 4;

export interface ConversationRun {
  readonly figures: RunFigures;
  readonly failures: string[];
}

/**
 * Warms a bot with about `turns` turns of the same kinds, among `conversations` people who each
 * start an enquiry, answer as far as the timed turn, and cancel, again and again: as warm as a
 * bot that took many conversations part-way, without holding more of them.
 */
export async function warmWithoutMoreConversations(botUrl: string, connector: ConnectorStandIn, conversations: number, turns: number, concurrency: number): Promise<string[]> {
  const cycle = [...enquiryScript().slice(0, turnsBefore + 1), cancelTurn];
  const cycles = Math.max(1, Math.ceil(turns / (cycle.length * conversations)));
  const people = Array.from({ length: conversations }, (_, i) => teamsUser(`Part-way applicant ${conversations}/${i + 1}`));
  progress(`${conversations} conversations: warming the bot with ${cycles * cycle.length * conversations} turns among them (enquiries begun and cancelled, not timed)`);
  const run = await runApplicants({ botUrl, connector, concurrency, applicants: conversations, namePrefix: 'Part-way applicant', people, script: () => Array.from({ length: cycles }, () => cycle).flat() });
  return run.failures.map((failure) => `warming ${conversations} conversations: ${failure}`);
}

export async function turnsAmongConversations(botUrl: string, connector: ConnectorStandIn, conversations: number, concurrency: number): Promise<ConversationRun> {
  const people = Array.from({ length: conversations }, (_, i) => teamsUser(`Part-way applicant ${conversations}/${i + 1}`));
  const load = { botUrl, connector, concurrency, applicants: conversations, namePrefix: 'Part-way applicant', people };
  progress(`${conversations} conversations: taking each part-way through an enquiry (${turnsBefore} turns each, not timed)`);
  const before = await runApplicants({ ...load, script: () => enquiryScript().slice(0, turnsBefore) });
  progress(`${conversations} conversations: each answers its next question, ${concurrency} at a time`);
  const run = await runApplicants({ ...load, script: () => enquiryScript().slice(turnsBefore, turnsBefore + 1) });
  const label = `${conversations} conversations part-way`;
  return {
    figures: { label, turns: run.turns, wallMs: run.wallMs, latenciesMs: run.latenciesMs, peakRssBytes: undefined },
    failures: [...before.failures.map((failure) => `${label}, before: ${failure}`), ...run.failures.map((failure) => `${label}: ${failure}`)],
  };
}
