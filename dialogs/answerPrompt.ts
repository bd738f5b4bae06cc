import { MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';

import type { AnswerCheck } from '../services/domain/enquiry/answerCheck';
import { refuseHiddenCharacters, replyOrAccept, type Recognition } from './recognition';

/**
 * A prompt whose answer is checked as it is given. When the check fails, the person is told
 * exactly what was wrong and how to fix it, and the question stays open: nothing they already
 * answered is lost.
 */
export interface AnswerPromptSpec {
  readonly ask: string;
  readonly choices?: readonly string[];
  check(text: string, now: Date): AnswerCheck<unknown>;
  inform?(text: string): string | undefined;
}


/** `lead`: words to say before the question, in the same message (the enquiry's introduction). */
export interface AnswerPromptOptions extends PromptOptions {
  readonly lead?: string;
}

export class AnswerPrompt extends Prompt<unknown> {
  constructor(
    id: string,
    private readonly spec: AnswerPromptSpec,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super(id, replyOrAccept);
  }

  /** The answers the question offers as buttons (a typed one is never taken for a command). */
  get choices(): readonly string[] {
    return this.spec.choices ?? [];
  }

  protected async onPrompt(context: TurnContext, _state: object, options: AnswerPromptOptions, isRetry: boolean): Promise<void> {
    const text = isRetry ? `Let's try that again. ${this.spec.ask}` : options.lead ? `${options.lead}\n\n${this.spec.ask}` : this.spec.ask;
    const message = this.spec.choices ? MessageFactory.suggestedActions([...this.spec.choices], text) : MessageFactory.text(text);
    await context.sendActivity(message);
  }

  /**
   * Pure: botbuilder also calls this to peek at a message before interruptions are handled
   * (the `activityReceived` event), so it must not send anything. The validator replies.
   */
  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<Recognition>> {
    const text = (context.activity.text ?? '').trim();
    if (!text) return { succeeded: true, value: { kind: 'reply', message: 'Please type your answer as a message.' } };
    const hidden = refuseHiddenCharacters(text);
    if (hidden) return { succeeded: true, value: hidden };
    const information = this.spec.inform?.(text);
    if (information) return { succeeded: true, value: { kind: 'reply', message: information } };
    const checked = this.spec.check(text, this.clock());
    return { succeeded: true, value: checked.ok ? { kind: 'answer', value: checked.value } : { kind: 'reply', message: checked.problem } };
  }
}

