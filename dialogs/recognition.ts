import type { PromptValidatorContext } from 'botbuilder-dialogs';

import { hiddenCharacterProblem } from '../services/domain/text/hiddenCharacters';

/**
 * What a prompt made of a message: an answer, or something to tell the person first (what was
 * wrong, or information they asked for). Recognisers return this without side effects, because
 * botbuilder also calls them to peek at a message before interruptions run; the validator below
 * does the replying.
 */
export type Recognition<T = unknown> = { kind: 'answer'; value: T } | { kind: 'reply'; message: string };

/**
 * Accepts an answer (the dialog then receives the value), or sends what is wrong and keeps the
 * question open. Replying here also stops the prompt repeating the question (it only re-prompts
 * when the turn has not responded), so the person reads one clear message.
 */
export async function replyOrAccept(prompt: PromptValidatorContext<unknown>): Promise<boolean> {
  const recognition = prompt.recognized.value as Recognition;
  if (recognition.kind === 'answer') {
    prompt.recognized.value = recognition.value;
    return true;
  }
  await prompt.context.sendActivity(recognition.message);
  return false;
}

/**
 * An answer holding bidi overrides or zero-width characters is refused before any other check,
 * saying which character and where; the question stays open. Undefined when the text is clean.
 */
export function refuseHiddenCharacters(text: string): Recognition | undefined {
  const problem = hiddenCharacterProblem(text);
  return problem ? { kind: 'reply', message: `I can't take that answer: ${problem}.` } : undefined;
}
