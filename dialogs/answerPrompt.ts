import { MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';

import type { AnswerCheck } from '../services/enquiry/answerCheck';

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

export class AnswerPrompt extends Prompt<unknown> {
  constructor(
    id: string,
    private readonly spec: AnswerPromptSpec,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super(id);
  }

  protected async onPrompt(context: TurnContext, _state: object, _options: PromptOptions, isRetry: boolean): Promise<void> {
    const text = isRetry ? `Let's try that again. ${this.spec.ask}` : this.spec.ask;
    const message = this.spec.choices ? MessageFactory.suggestedActions([...this.spec.choices], text) : MessageFactory.text(text);
    await context.sendActivity(message);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<unknown>> {
    const text = (context.activity.text ?? '').trim();
    if (!text) {
      await context.sendActivity('Please type your answer as a message.');
      return { succeeded: false };
    }
    const information = this.spec.inform?.(text);
    if (information) {
      await context.sendActivity(information);
      return { succeeded: false };
    }
    const checked = this.spec.check(text, this.clock());
    if (!checked.ok) {
      // Answering here means the prompt does not also repeat the question (Prompt only
      // re-prompts when the turn has not responded), so the person reads one clear message.
      await context.sendActivity(checked.problem);
      return { succeeded: false };
    }
    return { succeeded: true, value: checked.value };
  }
}
