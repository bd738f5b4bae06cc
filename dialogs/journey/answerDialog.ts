import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { formatDate, londonDate } from '../../services/domain/calendar';
import { AnswerPrompt } from '../answerPrompt';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { runCaseCommand } from './caseCommand';
import { caseLine } from './caseChoice';
import { checkTextField, commandField } from './commandFields';
import { JourneyDialog, setProgress, type JourneyOptions } from './journeyDialog';
import { pick, PickPrompt, yesNoPicks } from './pickPrompt';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * "answer": the applicant answers DARS's question about their enquiry (the information request
 * card says to reply in chat). A message typed outside any conversation while a question is open
 * comes here as a draft, and is sent only after the person confirms it is their answer.
 */
export const answerDialogId = 'journey.answer';

export interface AnswerOptions extends JourneyOptions {
  /** Text the person typed without saying "answer" first. */
  readonly draft?: string;
}

interface Values {
  reference?: string;
}

export class AnswerDialog extends JourneyDialog {
  private readonly answerId = `${answerDialogId}.text`;
  private readonly confirmId = `${answerDialogId}.confirm`;

  constructor(desks: JourneyDesks) {
    super(answerDialogId, desks);
    this.addDialog(
      new AnswerPrompt(this.answerId, {
        ask: 'Type your answer to DARS\'s question. Write as much as you need, in one message.',
        check: checkTextField('Your answer', commandField('answerInformationRequest', 'answer')),
      }),
    );
    this.addDialog(new PickPrompt(this.confirmId));
    this.addDialog(
      new WaterfallDialog(`${answerDialogId}.steps`, [this.chooseCase.bind(this), this.showQuestion.bind(this), this.getAnswer.bind(this), this.send.bind(this)]),
    );
    this.initialDialogId = `${answerDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['answerInformationRequest'], 'Which case are you answering DARS\'s question on?');
  }

  private async showQuestion(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    if (!reference) return step.endDialog();
    (step.values as Values).reference = reference;
    setProgress(step, `You are answering DARS's question on ${reference}.`);
    const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
    const open = state?.facts.informationRequests.filter((request) => request.answer === undefined).at(-1);
    if (open) {
      const asked = `${plainInMarkdown(open.asked.by.name)}, ${formatDate(londonDate(new Date(open.asked.at)))}`;
      await step.context.sendActivity(`DARS's question about **${reference}** (${asked}):\n\n> ${plainInMarkdown(open.question).replace(/\n/g, '\n> ')}`);
    }
    if (step.options.draft) {
      return step.beginDialog(this.confirmId, pick('Shall I send your last message as your answer? (yes / no)', yesNoPicks));
    }
    return step.next();
  }

  private async getAnswer(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    const draft = step.options.draft;
    if (draft && step.result === 'yes') {
      const checked = checkTextField('Your answer', commandField('answerInformationRequest', 'answer'))(draft);
      if (checked.ok) return step.next(checked.value);
      await step.context.sendActivity(checked.problem);
    }
    return step.beginDialog(this.answerId);
  }

  private async send(step: WaterfallStepContext<AnswerOptions>): Promise<DialogTurnResult> {
    const reference = (step.values as Values).reference!;
    const outcome = await runCaseCommand(step.context, this.desks, reference, { type: 'answerInformationRequest', answer: step.result as string });
    if (!outcome.ok) {
      await step.context.sendActivity(outcome.reason);
      return step.endDialog();
    }
    await step.context.sendActivity(`Thank you: your answer is with the DARS team. ${caseLine(outcome.state, personOf(step.context).id)}`);
    return step.endDialog();
  }

  protected generalHelp(): string {
    return 'DARS asked a question about your enquiry. Type your answer in one message; it goes to the DARS team, who then carry on with your enquiry.';
  }

  protected startingProgress(): string {
    return 'You are answering DARS\'s question about your enquiry.';
  }

  protected cancelMessage(): string {
    return 'Stopped: nothing was sent to DARS. Say **answer** when you are ready to reply.';
  }
}
