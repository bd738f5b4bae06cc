import assert from 'node:assert/strict';

import type { ConnectorStandIn, SentActivity } from './connectorStandIn';
import { cardOf, type InvokeResult } from './teams';

/**
 * Finding a card's buttons and clicking them the way Teams does: the Action.Execute's own data
 * merged with the inputs the person filled in, sent as an `adaptiveCard/action` invoke whose
 * `replyToId` is the card's activity.
 */
export interface CardButton {
  readonly verb: string;
  readonly title: string;
  readonly data: Record<string, unknown>;
}

export function buttonsOf(card: unknown): CardButton[] {
  const found: CardButton[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'Action.Execute' && typeof element.verb === 'string' && element.verb !== 'card.refresh') {
      found.push({ verb: element.verb, title: String(element.title ?? ''), data: (element.data as Record<string, unknown>) ?? {} });
    }
    for (const [key, value] of Object.entries(element)) if (key !== 'refresh' && key !== 'fallback') walk(value);
  };
  walk(card);
  return found;
}

/** The newest card in the conversation (as it looks now) that offers `verb`, optionally for one case. */
export function cardOffering(connector: ConnectorStandIn, conversationId: string, verb: string, caseId?: string): SentActivity {
  const match = connector
    .current(conversationId)
    .filter((activity) => buttonsOf(cardOf(activity)).some((button) => button.verb === verb && (!caseId || button.data.caseId === caseId)))
    .at(-1);
  assert.ok(match, `a card offering "${verb}" in ${conversationId}${caseId ? ` for ${caseId}` : ''}`);
  return match;
}

/** Waits until a card offering `verb` shows up (deliveries are asynchronous, via the outbox). */
export async function awaitCardOffering(connector: ConnectorStandIn, conversationId: string, verb: string, caseId?: string): Promise<SentActivity> {
  return connector.waitFor(() => {
    try {
      return cardOffering(connector, conversationId, verb, caseId);
    } catch {
      return undefined;
    }
  }, 20_000, `a card offering "${verb}" in ${conversationId}`);
}

export interface Clicker {
  execute(verb: string, data: Record<string, unknown>, replyToId?: string): Promise<InvokeResult>;
}

export async function click(clicker: Clicker, activity: SentActivity, verb: string, inputs: Record<string, unknown> = {}): Promise<InvokeResult> {
  const button = buttonsOf(cardOf(activity)).find((candidate) => candidate.verb === verb);
  assert.ok(button, `the card offers "${verb}"`);
  return clicker.execute(verb, { ...button.data, ...inputs }, activity.id as string);
}

/** The card in an invoke response (the card re-rendered for the clicker). */
export function answeredCard(result: InvokeResult): Record<string, unknown> {
  assert.equal(result.status, 200, `invoke answered ${result.status}: ${JSON.stringify(result.body)}`);
  assert.equal(result.body.type, 'application/vnd.microsoft.card.adaptive');
  return result.body.value as Record<string, unknown>;
}
