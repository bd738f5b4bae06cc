import { randomUUID } from 'node:crypto';

import type { DialogContext, DialogTurnResult, WaterfallStep, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from 'botbuilder-dialogs';

import { enquiryPartTitles } from '../../services/domain/enquiry/enquiry';
import { AnswerPrompt } from '../answerPrompt';
import type { EnquiryDesk, StatusDesk } from '../desks';
import { InterruptibleDialog } from '../interruptibleDialog';
import { personOf } from '../personOf';
import { completeEnquiry, enquiryQuestions, withoutPart, type EnquiryAnswers } from './enquiryQuestions';
import { EnquirySummaryDialog, type SummaryDecision } from './enquirySummaryDialog';

/**
 * The enquiry (DOMAIN.md stage 1) as a conversation: each question of enquiryQuestions in turn,
 * each answer checked as it is given, then a summary card where any part can be changed, then
 * the case is created. Answers live in dialog state, which is saved in MongoDB after every
 * turn, so a restart of the bot resumes at the same question.
 */

export const enquiryDialogId = 'enquiry';
const questionsId = 'enquiry.questions';
const summaryId = 'enquiry.summary';

interface QuestionsOptions {
  readonly answers: EnquiryAnswers;
  /** One id per enquiry draft: every Submit of it reaches the same case (its reference is claimed once per draft). */
  readonly submissionKey: string;
  /** Said with the first question asked, in the same message. */
  readonly lead?: string;
}

export class EnquiryDialog extends InterruptibleDialog {
  constructor(
    private readonly enquiryDesk: EnquiryDesk,
    statusDesk: StatusDesk,
    clock: () => Date = () => new Date(),
  ) {
    super(enquiryDialogId, statusDesk);
    for (const question of enquiryQuestions) this.addDialog(new AnswerPrompt(question.id, question, clock));
    this.addDialog(new EnquirySummaryDialog(summaryId));
    this.addDialog(
      new WaterfallDialog(questionsId, [
        this.start.bind(this),
        ...enquiryQuestions.map((question) => this.askStep(question.id)),
        this.summaryStep.bind(this),
        this.decisionStep.bind(this),
      ]),
    );
    this.initialDialogId = questionsId;
  }

  protected override async onBeginDialog(inner: DialogContext, options?: Partial<QuestionsOptions>): Promise<DialogTurnResult> {
    // The introduction comes with the first question, in one message.
    const lead =
      'Let\'s make an enquiry to the Data Access Request Service. There are four parts: the data you want, why, ' +
      'the organisations involved, and how ready you are. Say **help** at any time for guidance, **status** to see ' +
      'where you are, or **cancel** to stop.';
    return inner.beginDialog(questionsId, { answers: {}, submissionKey: randomUUID(), lead, ...options });
  }

  private async start(step: WaterfallStepContext<QuestionsOptions>): Promise<DialogTurnResult> {
    values(step).answers = { ...step.options.answers };
    values(step).submissionKey = step.options.submissionKey;
    values(step).lead = step.options.lead;
    return step.next();
  }

  /** Records the previous question's answer, then asks `id` unless it is already answered. */
  private askStep(id: keyof EnquiryAnswers): WaterfallStep<QuestionsOptions> {
    return async (step) => {
      this.recordAnswer(step);
      const answers = values(step).answers;
      if (answers[id] !== undefined) return step.next();
      values(step).asking = id;
      const lead = values(step).lead;
      values(step).lead = undefined;
      return step.beginDialog(id, lead ? { lead } : undefined);
    };
  }

  private recordAnswer(step: WaterfallStepContext<QuestionsOptions>): void {
    const asking = values(step).asking;
    if (asking && step.result !== undefined) (values(step).answers as Record<string, unknown>)[asking] = step.result;
    values(step).asking = undefined;
  }

  private async summaryStep(step: WaterfallStepContext<QuestionsOptions>): Promise<DialogTurnResult> {
    this.recordAnswer(step);
    const enquiry = completeEnquiry(values(step).answers);
    if (!enquiry) return step.replaceDialog(questionsId, this.optionsOf(step));
    return step.beginDialog(summaryId, { enquiry });
  }

  private async decisionStep(step: WaterfallStepContext<QuestionsOptions>): Promise<DialogTurnResult> {
    const decision = step.result as SummaryDecision;
    const answers = values(step).answers;
    if (decision.decision === 'change') {
      await step.context.sendActivity(`Let's change **${enquiryPartTitles[decision.part].toLowerCase()}**.`);
      return step.replaceDialog(questionsId, { ...this.optionsOf(step), answers: withoutPart(answers, decision.part) });
    }
    // Typed "submit" waits with a typing indicator; a press of the card's button needs none, as
    // Teams shows the button working until the invoke is answered.
    if (step.context.activity.type === 'message') await step.context.sendActivity({ type: 'typing' });
    const submitted = await this.enquiryDesk.submit({
      enquiry: completeEnquiry(answers)!,
      applicant: personOf(step.context),
      activityId: step.context.activity.id ?? values(step).submissionKey,
      draftId: values(step).submissionKey,
    });
    await step.context.sendActivity(
      `Thank you. Your enquiry is submitted as **${submitted.reference}**. ${submitted.nextStep}\n\n` +
        `Say **status** at any time to see where it stands.`,
    );
    return step.endDialog(submitted);
  }

  private optionsOf(step: WaterfallStepContext<QuestionsOptions>): QuestionsOptions {
    return { answers: values(step).answers, submissionKey: values(step).submissionKey };
  }

  protected helpFor(inner: DialogContext): string {
    const question = enquiryQuestions.find((q) => q.id === currentQuestionId(inner));
    const specific = question ? question.help : 'Check the summary, then press **Submit enquiry**, or **Change** to correct a part.';
    return `${specific}\n\nYou can also say **status** to see where you are, or **cancel** to stop this enquiry.`;
  }

  protected progressOf(inner: DialogContext): string {
    const question = enquiryQuestions.find((q) => q.id === currentQuestionId(inner));
    if (!question) return 'You are checking your enquiry before submitting it.';
    const partNumber = ['dataWanted', 'purpose', 'organisations', 'readiness'].indexOf(question.part) + 1;
    return `You are making an enquiry: part ${partNumber} of 4 (${enquiryPartTitles[question.part].toLowerCase()}).`;
  }

  protected cancelMessage(): string {
    return 'Enquiry cancelled; nothing was sent to NHS England. Say **new enquiry** whenever you want to start again.';
  }
}

interface StepValues {
  answers: EnquiryAnswers;
  submissionKey: string;
  /** The question whose answer the next step receives. */
  asking?: keyof EnquiryAnswers;
  /** The introduction, until the first question asked takes it (in the same turn). */
  lead?: string;
}

const values = (step: WaterfallStepContext<QuestionsOptions>) => step.values as StepValues;

/** The question being asked now: its prompt sits on top of the questions waterfall. */
function currentQuestionId(inner: DialogContext): string | undefined {
  return inner.activeDialog?.id;
}
