import type { TurnContext } from 'botbuilder';

import type { Logger } from './logger';

const turnLoggerKey = Symbol('turnLogger');

/**
 * The turn's child logger: every line it writes carries the activity id and conversation id,
 * so a turn's lines can be found together. Made once per turn and kept in the turn state; a
 * case's lines add `caseRef` with `.child({ caseRef })`.
 */
export function turnLogger(context: TurnContext, logger: Logger): Logger {
  const existing = context.turnState.get(turnLoggerKey) as Logger | undefined;
  if (existing) return existing;
  const child = logger.child({ activityId: context.activity.id, conversation: context.activity.conversation?.id });
  context.turnState.set(turnLoggerKey, child);
  return child;
}
