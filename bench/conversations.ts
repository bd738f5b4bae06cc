import type { ConnectorStandIn } from '../test/support/connectorStandIn';
import { teamsUser } from '../test/support/teams';
import { enquiryScript, runApplicants } from './load';
import type { RunFigures } from './stats';
import { progress } from './benchCli';

/**
 * Turns while many conversations are part-way through an enquiry: each of `conversations`
 * applicants first says "new enquiry" and answers the first questions (not timed; this is what
 * leaves one saved conversation state per person, as a busy day would), then every one of them
 * answers the next question, `concurrency` at a time, and those turns are timed. Run once with
 * few conversations and once with many, the two rows show whether a turn's cost grows with the
 * number of conversations the bot holds.
 */

/** "new enquiry" and the first three answers: part-way, with four questions still to come. */
const turnsBefore = 4;

export interface ConversationRun {
  readonly figures: RunFigures;
  readonly failures: string[];
}

export async function turnsAmongConversations(botUrl: string, connector: ConnectorStandIn, conversations: number, concurrency: number, who = 'Part-way'): Promise<ConversationRun> {
  const people = Array.from({ length: conversations }, (_, i) => teamsUser(`${who} applicant ${conversations}/${i + 1}`));
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
