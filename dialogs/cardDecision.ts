import type { Activity } from 'botbuilder';

/**
 * A click on a card in a dialog, whichever way it arrived: an Action.Execute invoke
 * (`adaptiveCard/action`), or the Action.Submit fallback (a message whose `value` has `verb`).
 */
export interface CardClick {
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

export function cardClickOf(activity: Partial<Activity>): CardClick | undefined {
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
    if (typeof action?.verb === 'string') return { verb: action.verb, data: asRecord(action.data) };
    return undefined;
  }
  if (activity.type === 'message' && activity.value && typeof activity.value === 'object') {
    const data = asRecord(activity.value);
    if (typeof data.verb === 'string') return { verb: data.verb, data };
  }
  return undefined;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
