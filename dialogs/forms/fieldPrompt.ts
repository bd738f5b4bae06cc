import { MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';

import { checkField, type Form, type FormQuestion } from './form';
import { refuseHiddenCharacters, replyOrAccept, type Recognition } from '../recognition';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * Asks one question of a form. When the field already has a saved answer, the question shows
 * it and "keep" keeps it, so changing one answer in a section does not mean retyping the rest.
 * Like AnswerPrompt, recognition is pure (botbuilder peeks through it before interruptions run)
 * and the validator sends the explanation.
 */
export interface FieldPromptOptions {
  /** The saved answer, when there is one. */
  readonly current?: { readonly value?: unknown };
}


const keepWords = /^(keep|keep it|same|no change|unchanged)$/i;
const maxShown = 300;

export class FieldPrompt extends Prompt<unknown> {
  constructor(
    id: string,
    private readonly form: Form,
    readonly question: FormQuestion,
    private readonly clock: () => Date,
  ) {
    super(id, replyOrAccept);
  }

  /** What "help" says at this question. */
  get help(): string {
    return `${this.question.help}\n\nIf there is a saved answer, say **keep** to keep it.`;
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, _isRetry: boolean): Promise<void> {
    const current = currentOf(options);
    const reader = this.question.reader;
    let text = this.question.ask;
    if (current) {
      const shown = reader.show(current.value);
      text += `\n\nNow: _${plainInMarkdown(shown.length > maxShown ? `${shown.slice(0, maxShown - 1)}…` : shown)}_. Say **keep** to keep it.`;
    }
    const choices = [...(reader.choices ?? []), ...(current ? ['keep'] : [])];
    await context.sendActivity(choices.length > 0 ? MessageFactory.suggestedActions(choices, text) : MessageFactory.text(text));
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<Recognition>> {
    const typed = (context.activity.text ?? '').trim();
    if (!typed) return { succeeded: true, value: { kind: 'reply', message: 'Please type your answer as a message.' } };
    const hidden = refuseHiddenCharacters(typed);
    if (hidden) return { succeeded: true, value: hidden };
    const current = currentOf(options);
    if (keepWords.test(typed)) {
      return {
        succeeded: true,
        value: current ? { kind: 'answer', value: current.value } : { kind: 'reply', message: 'There is no saved answer to keep here: please type one.' },
      };
    }
    const read = this.question.reader.read(typed, this.clock());
    const checked = read.ok ? checkField(this.form, this.question, read.value) : read;
    return { succeeded: true, value: checked.ok ? { kind: 'answer', value: checked.value } : { kind: 'reply', message: checked.problem } };
  }
}

function currentOf(options: PromptOptions): FieldPromptOptions['current'] {
  return (options.validations as FieldPromptOptions | undefined)?.current;
}

