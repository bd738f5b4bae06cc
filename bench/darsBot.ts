import path from 'node:path';
import { performance } from 'node:perf_hooks';

import type { ConnectorStandIn, SentActivity } from '../test/support/connectorStandIn';
import { buttonsOf } from '../test/support/cardClicks';
import { cardOf, tenantId, teamsActivity, teamsUser, type TeamsUser } from '../test/support/teams';
import { filledInputs } from '../test/teams/support/teamsForm';
import { LaunchedBot } from './launch';

/**
 * The DARS Bot process as the bench runs it (bot/index.ts at LOG_LEVEL=warn), with a triage
 * channel and one DARS staff member who decides on the review cards there, and the staff
 * member's click as Teams sends it: an `adaptiveCard/action` invoke from the channel thread.
 */

export const triageChannel = '19:bench-triage@thread.tacv2';

/** DARS staff: holds the staff role through DARS_ROLES, as an Entra group would give it. */
export const benchStaff: TeamsUser = teamsUser('Bench Staff');

export function startDarsBot(uri: string, databaseName: string, connector: ConnectorStandIn): Promise<LaunchedBot> {
  return LaunchedBot.start({
    entry: path.resolve(__dirname, '..', 'bot', 'index.js'),
    env: {
      MONGODB_URI: uri,
      MONGODB_DB: databaseName,
      TEAMS_SERVICE_URL: connector.url,
      TRIAGE_CHANNEL_ID: triageChannel,
      DARS_ROLES: JSON.stringify({ [benchStaff.aadObjectId]: ['staff'] }),
    },
  });
}

/** The enquiry review card for `reference` as it stands in the triage channel, if it has arrived. */
export function reviewCard(connector: ConnectorStandIn, reference: string, verb = 'enquiry.accept'): SentActivity | undefined {
  const channelCalls = connector.calls.filter((call) => call.conversationId?.split(';')[0] === triageChannel && call.method === 'POST' && call.answeredStatus < 300);
  return channelCalls
    .map((call) => ({ ...(call.body as SentActivity), id: call.assignedId, conversation: { id: call.conversationId! } }))
    .find((activity) => buttonsOf(cardOf(activity)).some((button) => button.verb === verb && button.data.caseId === reference));
}

export interface Click {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

/** Staff press `verb` on `card`, typing `typed` into its inputs; timed from POST to HTTP response. */
export async function staffClick(botUrl: string, connector: ConnectorStandIn, card: SentActivity, verb: string, typed: Readonly<Record<string, string>> = {}): Promise<Click> {
  const button = buttonsOf(cardOf(card)).find((candidate) => candidate.verb === verb);
  if (!button) throw new Error(`the card offers no "${verb}"`);
  const conversation = { id: card.conversation!.id, conversationType: 'channel', isGroup: true, tenantId };
  const channelData = { tenant: { id: tenantId }, teamsChannelId: triageChannel, channel: { id: triageChannel }, team: { id: triageChannel } };
  const value = { action: { type: 'Action.Execute', verb, data: { ...button.data, ...filledInputs(card, verb, typed) } }, trigger: 'manual' };
  const activity = teamsActivity(benchStaff, connector.url, conversation, { type: 'invoke', name: 'adaptiveCard/action', replyToId: card.id, value }, channelData);
  const started = performance.now();
  const response = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}

/** Why a decision's answer is wrong (not 200, or not a card), or undefined. */
export function clickProblem(click: Click): string | undefined {
  if (click.status !== 200) return `HTTP ${click.status} ${click.body.slice(0, 200)}`;
  return /application\/vnd\.microsoft\.card\.adaptive/.test(click.body) ? undefined : `no card in the answer: ${click.body.slice(0, 200)}`;
}

/** The case reference the bot gave in answer to Submit (in the invoke's answer or a message). */
export function referenceIn(text: string): string | undefined {
  return /DARS-\d{4}-\d{5}/.exec(text)?.[0];
}
