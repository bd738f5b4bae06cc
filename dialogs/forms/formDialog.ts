import { ComponentDialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { FieldPrompt, type FieldPromptOptions } from './fieldPrompt';
import { checkContent, nextQuestion, type Form, type FormAnswers, type FormQuestion } from './form';

/**
 * Runs a form: asks each question that applies and has no answer yet, then checks the whole
 * content against the schema, re-asking the question a failing rule points at. Ends with the
 * parsed content. The answers travel in dialog state (saved in MongoDB after every turn), so a
 * restart resumes at the same question.
 */
export interface FormRun {
  readonly answers: FormAnswers;
  /** Saved answers offered with "keep" (when changing a saved section). */
  readonly current: FormAnswers;
}

interface LoopValues {
  asking?: string;
}

export class FormDialog extends ComponentDialog {
  private readonly loopId: string;

  constructor(
    id: string,
    readonly form: Form,
    private readonly clock: () => Date,
  ) {
    super(id);
    this.loopId = `${id}.loop`;
    for (const question of form.questions) {
      if (question.ask) this.addDialog(new FieldPrompt(this.promptId(question), form, question, clock));
    }
    this.addDialog(new WaterfallDialog(this.loopId, [this.ask.bind(this), this.record.bind(this)]));
    this.initialDialogId = this.loopId;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: Partial<FormRun>): Promise<DialogTurnResult> {
    const run: FormRun = { answers: options?.answers ?? {}, current: options?.current ?? {} };
    return inner.beginDialog(this.loopId, run);
  }

  private promptId(question: FormQuestion): string {
    return `${this.id}.${question.key}`;
  }

  private async ask(step: WaterfallStepContext<FormRun>): Promise<DialogTurnResult> {
    const run = step.options;
    let question = nextQuestion(this.form, run.answers);
    if (!question) {
      const checked = checkContent(this.form, run.answers, this.clock());
      if (checked.ok) return step.endDialog(checked.content);
      // A rule across answers failed: say which, and ask that question again (its new answer
      // replaces the old one in the next step).
      await step.context.sendActivity(checked.problem);
      question = checked.question;
    }
    (step.values as LoopValues).asking = question.key;
    const prompt: FieldPromptOptions = run.current[question.key] ? { current: run.current[question.key] } : {};
    return step.beginDialog(this.promptId(question), { validations: prompt });
  }

  private async record(step: WaterfallStepContext<FormRun>): Promise<DialogTurnResult> {
    const asking = (step.values as LoopValues).asking;
    const answers = asking ? { ...step.options.answers, [asking]: { value: step.result as unknown } } : step.options.answers;
    return step.replaceDialog(this.loopId, { ...step.options, answers });
  }
}
