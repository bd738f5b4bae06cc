import type { BotState, TurnContext } from 'botbuilder';

import { describeError, type Logger } from '../runtime/logger';
import { turnLogger } from '../runtime/turnLogger';
import { StorageConflictError } from './mongoStorage';

/**
 * Keeps a person's quick messages from overwriting each other's dialog state.
 *
 * Every turn of a 1:1 chat reads the chat's state, runs the dialog and writes the state back
 * with the eTag it read. Two turns of one chat at the same time would both read the same state,
 * and the second write would be a conflict: the person's message lost. So:
 * - in this process, the turns of one 1:1 chat run one after another, in the order they
 *   arrived (other conversations, and channels, whose turns keep no state, are not held up);
 * - a conflict can then only come from another bot process taking a turn of the same chat at
 *   the same moment; the turn is then run once more on the state as that process left it. Its
 *   effects are safe to repeat (decisions and submissions are keyed by the activity id), though
 *   the person may see the first attempt's reply as well as the second's.
 * A second conflict in a row reaches the adapter's turn error handler, which tells the person
 * that their message was not saved, so nothing is lost silently.
 */
export class ConversationTurns {
  /** The last turn queued per 1:1 chat; removed when it is done and nothing queued behind it. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /**
   * Runs `turn` in its chat's order and saves `state` after it; if the save meets a conflict,
   * reads `state` afresh and runs `turn` once more.
   */
  async take(context: TurnContext, state: BotState, turn: () => Promise<void>): Promise<void> {
    const chat = personalChatOf(context);
    if (!chat) return this.withOneRepeat(context, state, turn);
    const mine = (this.tails.get(chat) ?? Promise.resolve()).then(() => this.withOneRepeat(context, state, turn));
    const tail = mine.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(chat, tail);
    try {
      await mine;
    } finally {
      if (this.tails.get(chat) === tail) this.tails.delete(chat);
    }
  }

  private async withOneRepeat(context: TurnContext, state: BotState, turn: () => Promise<void>): Promise<void> {
    try {
      await turn();
      await state.saveChanges(context, false);
    } catch (error) {
      if (!isStateConflict(error)) throw error;
      turnLogger(context, this.logger).info('turn repeated: another process changed this chat meanwhile', { error: describeError(error) });
      await state.load(context, true);
      await turn();
      await state.saveChanges(context, false);
    }
  }
}

/** An eTag conflict on bot state (ours, or botbuilder's own storages' wording). */
export function isStateConflict(error: unknown): boolean {
  return error instanceof StorageConflictError || /eTag conflict/i.test(String((error as Error | undefined)?.message));
}

function personalChatOf(context: TurnContext): string | undefined {
  const conversation = context.activity.conversation;
  return conversation?.conversationType === 'personal' && conversation.id ? conversation.id : undefined;
}
