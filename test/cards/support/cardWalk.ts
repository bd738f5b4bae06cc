import assert from 'node:assert/strict';
import type { AdaptiveCard } from '../../../cards/render';
import { rolesOnCase, type Actor, type CaseState } from '../../../services/domain/workflow';
import type { CardViewer } from '../../../cards/frame/cardViewer';

/** Reading rendered cards the way Teams would: their buttons, their inputs, their text. */
export interface ExecuteAction {
  readonly verb: string;
  readonly title: string;
  readonly data: Record<string, unknown>;
  readonly fallback: Record<string, unknown> | undefined;
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Record<string, unknown>);
  Object.values(node).forEach((child) => walk(child, visit));
}

/** Every Action.Execute a person can press (the refresh action is not a button). */
export function executeActions(card: AdaptiveCard): ExecuteAction[] {
  const { refresh: _refresh, ...visible } = card;
  const actions: ExecuteAction[] = [];
  walk(visible, (node) => {
    if (node.type !== 'Action.Execute') return;
    actions.push({
      verb: String(node.verb),
      title: String(node.title),
      data: (node.data ?? {}) as Record<string, unknown>,
      fallback: node.fallback as Record<string, unknown> | undefined,
    });
  });
  return actions;
}

export const verbsOn = (card: AdaptiveCard): string[] => executeActions(card).map((action) => action.verb);

export function inputIds(card: AdaptiveCard): string[] {
  const ids: string[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) ids.push(String(node.id));
  });
  return ids;
}

/** All the text a person reads on the card. */
export function textOf(card: AdaptiveCard): string {
  const parts: string[] = [];
  walk(card, (node) => {
    for (const key of ['text', 'title', 'value', 'label'] as const) if (typeof node[key] === 'string') parts.push(node[key]);
  });
  return parts.join('\n');
}

/** The viewer a person is on a case: their directory roles plus the roles the case gives them. */
export function viewerOf(actor: Actor, state: CaseState): CardViewer {
  return { id: actor.id, roles: rolesOnCase(actor, state) };
}

export function theAction(card: AdaptiveCard, verb: string): ExecuteAction {
  const action = executeActions(card).find((candidate) => candidate.verb === verb);
  assert.ok(action, `the card shows a “${verb}” button (it shows: ${verbsOn(card).join(', ') || 'none'})`);
  return action;
}
