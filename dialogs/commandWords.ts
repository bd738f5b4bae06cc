import { MessageFactory } from 'botbuilder';
import { DialogTurnStatus, type Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

import { plainInMarkdown } from '../services/domain/text/markdownText';
import { AnswerPrompt } from './answerPrompt';
import { FieldPrompt } from './forms/fieldPrompt';
import { routeOf } from './personalChatRoutes';

/**
 * A command word typed where an answer is expected ("application" while a section question
 * waits) is neither saved as the answer nor obeyed blindly: the bot asks "Did you mean the
 * command **application**, or is that your answer?" with a button for each. The word waits in
 * the question's own dialog state, so the choice survives a restart; choosing the command stops
 * the current step (its cancel message says what is kept) and runs the command; choosing the
 * answer gives the word to the question as typed. Anything else typed instead is taken as it is.
 *
 * `help`, `status`, `history` and `cancel` are not asked about: they act at once at every
 * question (InterruptibleDialog) — the first three change nothing and ask the question again,
 * and cancel is the documented way out. The words asked about are the chat's other commands
 * (`application`, `new enquiry`, `submit`, `withdraw`, `funding`, …: dialogs/personalChatRoutes.ts).
 */
const pendingKey = 'darsCommandWord';
const decidedThisTurn = Symbol('darsCommandWordDecided');

/** What a conversation ends with when the person chose the command: the root dialog runs it. */
export interface ChosenCommand {
  readonly chosenCommand: string;
}

export function chosenCommandOf(result: unknown): string | undefined {
  const command = (result as Partial<ChosenCommand> | undefined)?.chosenCommand;
  return typeof command === 'string' ? command : undefined;
}

export function commandButton(word: string): string {
  return `The command ${word}`;
}

export function answerButton(word: string): string {
  return `My answer is ${word}`;
}

/**
 * Called by InterruptibleDialog before the current question sees the message. Returns a turn
 * result when it answered (asked, or ended the conversation for the command), undefined to let
 * the question take the message (possibly rewritten to the confirmed answer). Nested
 * interruptible dialogs share one decision per turn.
 */
export async function confirmCommandWord(inner: DialogContext, stopMessage: string): Promise<DialogTurnResult | undefined> {
  const context = inner.context;
  if (context.activity.type !== 'message' || context.turnState.get(decidedThisTurn)) return undefined;
  context.turnState.set(decidedThisTurn, true);
  const deepest = deepestContext(inner);
  const instance = deepest.activeDialog;
  if (!instance) return undefined;
  const state = instance.state as Record<string, unknown>;
  const typed = (context.activity.text ?? '').trim();

  const pending = state[pendingKey];
  if (typeof pending === 'string') {
    delete state[pendingKey];
    const choice = choiceOf(typed, pending);
    if (choice === 'command') {
      await context.sendActivity(stopMessage);
      await inner.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: { chosenCommand: pending } satisfies ChosenCommand };
    }
    if (choice === 'answer') context.activity.text = pending;
    return undefined;
  }

  const dialog = deepest.findDialog(instance.id);
  if (!typed || !asksForTypedAnswer(dialog) || !isCommandWord(typed) || offeredChoice(dialog, typed)) return undefined;
  state[pendingKey] = typed;
  const word = plainInMarkdown(typed);
  await context.sendActivity(MessageFactory.suggestedActions([commandButton(typed), answerButton(typed)], `Did you mean the command **${word}**, or is that your answer?`));
  return { status: DialogTurnStatus.waiting };
}

/** Whether the message is one of the chat's commands (other than those that act at once). */
export function isCommandWord(typed: string): boolean {
  const route = routeOf(typed);
  return route.kind === 'enquiry' || route.kind === 'journey';
}

function choiceOf(typed: string, word: string): 'command' | 'answer' | undefined {
  const text = typed.toLowerCase().replace(/[.!]+$/, '').trim();
  if (text === commandButton(word).toLowerCase() || /^(the )?command$/.test(text)) return 'command';
  if (text === answerButton(word).toLowerCase() || /^(it'?s |it is |that'?s |that is )?(my )?answer$/.test(text)) return 'answer';
  return undefined;
}

function asksForTypedAnswer(dialog: Dialog | undefined): boolean {
  return dialog instanceof AnswerPrompt || dialog instanceof FieldPrompt;
}

/** A word the question itself offers as a choice is an answer, not a command. */
function offeredChoice(dialog: Dialog | undefined, typed: string): boolean {
  const choices = dialog instanceof AnswerPrompt ? dialog.choices : dialog instanceof FieldPrompt ? (dialog.question.reader.choices ?? []) : [];
  return choices.some((choice) => choice.toLowerCase() === typed.toLowerCase());
}

function deepestContext(dc: DialogContext): DialogContext {
  let current = dc;
  while (current.child) current = current.child;
  return current;
}
