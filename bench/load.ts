import { performance } from 'node:perf_hooks';

import type { ConnectorStandIn, SentActivity } from '../test/support/connectorStandIn';
import { personalConversation, readableText, teamsActivity, teamsUser, type TeamsUser } from '../test/support/teams';
import { validEnquiryAnswers } from '../test/enquiry/enquiryConversation';

/**
 * Simulated applicants, each in their own 1:1 chat, sending activities to a bot over HTTP as
 * Teams does, a fixed number at a time. Every turn is timed from POST to HTTP response (the bot
 * answers once the turn is done and its replies are sent) and checked, so that a broken bot
 * shows up as failures rather than as fast numbers.
 */

export interface TurnOutcome {
  readonly status: number;
  readonly body: string;
  /** Messages the bot sent to this chat during the turn (typing indicators left out). */
  readonly sent: SentActivity[];
}

export interface ScriptedTurn {
  readonly name: string;
  readonly activity: Record<string, unknown>;
  /** Why the outcome is wrong, or undefined when it is right. HTTP status is checked already. */
  readonly check: (outcome: TurnOutcome) => string | undefined;
}

export interface LoadOptions {
  readonly botUrl: string;
  readonly connector: ConnectorStandIn;
  readonly applicants: number;
  readonly concurrency: number;
  /** The turns one applicant takes, in order. */
  readonly script: () => ScriptedTurn[];
  /** Distinguishes applicants' names across runs (names only; each gets a fresh Entra id). */
  readonly namePrefix: string;
  /** The applicants, when a run continues the conversations of an earlier one (else new people). */
  readonly people?: readonly TeamsUser[];
}

export interface LoadResult {
  readonly turns: number;
  readonly wallMs: number;
  readonly latenciesMs: number[];
  readonly failures: string[];
}

export async function runApplicants(options: LoadOptions): Promise<LoadResult> {
  const replies = new RepliesByConversation(options.connector);
  const latenciesMs: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const applicants = options.people?.length ?? options.applicants;
  const worker = async () => {
    while (next < applicants) {
      const number = ++next;
      const user = options.people?.[number - 1] ?? teamsUser(`${options.namePrefix} ${number}`);
      for (const turn of options.script()) {
        const started = performance.now();
        const outcome = await post(options, replies, user, turn.activity).catch((error: unknown) => error as Error);
        if (outcome instanceof Error) {
          failures.push(`applicant ${number}, ${turn.name}: ${outcome.message}`);
          break;
        }
        latenciesMs.push(performance.now() - started);
        const problem = outcome.status >= 300 ? `HTTP ${outcome.status} ${outcome.body.slice(0, 200)}` : turn.check(outcome);
        if (problem) {
          // The rest of this applicant's turns would only fail in its wake; stop them.
          failures.push(`applicant ${number}, ${turn.name}: ${problem}`);
          break;
        }
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, applicants) }, worker));
  return { turns: latenciesMs.length, wallMs: performance.now() - started, latenciesMs, failures };
}

export async function post(options: Pick<LoadOptions, 'botUrl' | 'connector'>, replies: RepliesByConversation, user: TeamsUser, activity: Record<string, unknown>): Promise<TurnOutcome> {
  const conversationId = `a:personal-${user.aadObjectId}`;
  const before = replies.messages(conversationId).length;
  const response = await fetch(`${options.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamsActivity(user, options.connector.url, personalConversation(user, conversationId), activity)),
  });
  const body = await response.text();
  return { status: response.status, body, sent: replies.messages(conversationId).slice(before) };
}

/**
 * The stand-in's record of calls, indexed by conversation as it grows, so that finding a turn's
 * replies does not rescan every call the run has made (the bench shares the CPU with the bot).
 */
export class RepliesByConversation {
  private scanned = 0;
  private readonly byConversation = new Map<string, SentActivity[]>();

  constructor(private readonly connector: ConnectorStandIn) {}

  messages(conversationId: string): SentActivity[] {
    const calls = this.connector.calls;
    for (; this.scanned < calls.length; this.scanned++) {
      const call = calls[this.scanned];
      const isSend = call.method === 'POST' && call.answeredStatus < 300 && /\/activities(\/[^/]+)?$/.test(call.path);
      if (!isSend || !call.conversationId || call.body.type !== 'message') continue;
      const list = this.byConversation.get(call.conversationId) ?? [];
      list.push({ ...(call.body as SentActivity), id: call.assignedId });
      this.byConversation.set(call.conversationId, list);
    }
    return this.byConversation.get(conversationId) ?? [];
  }
}

const ourFault = /something went wrong/i;

/** A message turn is right when the bot answered something, and not its apology for a failed turn. */
function answered(outcome: TurnOutcome): string | undefined {
  if (outcome.sent.length === 0) return 'the bot sent no reply';
  const apology = outcome.sent.map(readableText).find((text) => ourFault.test(text));
  return apology ? `the bot apologised: ${apology.slice(0, 120)}` : undefined;
}

const say = (name: string, text: string): ScriptedTurn => ({
  name,
  activity: { type: 'message', text, textFormat: 'plain' },
  check: answered,
});

/** A whole enquiry: "new enquiry", the seven answers, then Submit on the summary card. 9 turns. */
export function enquiryScript(): ScriptedTurn[] {
  return [
    say('"new enquiry"', 'new enquiry'),
    ...Object.entries(validEnquiryAnswers).map(([question, answer]) => say(`answer to ${question}`, answer)),
    {
      name: 'submit',
      activity: {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'enquiryDraft.submit', data: {} }, trigger: 'manual' },
      },
      check: (outcome) => {
        // The reference may come in a message to the chat or in the invoke's own answer.
        const said = [...outcome.sent.map(readableText), outcome.body].join('\n');
        return /DARS-\d{4}-\d{5}/.test(said) ? undefined : `no DARS-YYYY-NNNNN reference in the answer: ${said.slice(0, 200)}`;
      },
    },
  ];
}

/** "cancel": ends an enquiry part-way (the conversation stays, with nothing in progress). */
export const cancelTurn: ScriptedTurn = say('cancel', 'cancel');

/** The same nine turns as plain text, for the echo bot, which must echo each one back. */
export function echoScript(): ScriptedTurn[] {
  const texts = ['new enquiry', ...Object.values(validEnquiryAnswers), 'submit'];
  return texts.map((text, i) => ({
    name: `message ${i + 1}`,
    activity: { type: 'message', text, textFormat: 'plain' },
    check: (outcome: TurnOutcome) =>
      outcome.sent.some((activity) => activity.text === `echo: ${text}`) ? undefined : `no "echo: …" reply (got ${outcome.sent.length} messages)`,
  }));
}
