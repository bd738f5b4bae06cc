import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { reviewNames, type ReviewKind } from '../../services/domain/rules/reviews';
import type { ReviewRecord } from '../../services/domain/workflow';
import { AnswerPrompt } from '../answerPrompt';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { runCaseCommand } from './caseCommand';
import { caseLine } from './caseChoice';
import { checkTextField, commandField } from './commandFields';
import { JourneyDialog, setProgress, type JourneyOptions } from './journeyDialog';
import { pick, PickPrompt } from './pickPrompt';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * "assurance": a review asked for additional assurance; the applicant reads the actions and
 * responds, and the case goes back to that review. When two reviews are waiting, they choose.
 */
export const assuranceDialogId = 'journey.assurance';

interface Values {
  reference?: string;
  review?: ReviewKind;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export class AssuranceDialog extends JourneyDialog {
  private readonly whichId = `${assuranceDialogId}.which`;
  private readonly responseId = `${assuranceDialogId}.response`;

  constructor(desks: JourneyDesks) {
    super(assuranceDialogId, desks);
    this.addDialog(new PickPrompt(this.whichId));
    this.addDialog(
      new AnswerPrompt(this.responseId, {
        ask: 'Type your response to the actions in one message: what you have done, or will do, for each.',
        check: checkTextField('Your response', commandField('respondToAdditionalAssurance', 'response')),
      }),
    );
    this.addDialog(
      new WaterfallDialog(`${assuranceDialogId}.steps`, [this.chooseCase.bind(this), this.chooseReview.bind(this), this.showActions.bind(this), this.send.bind(this)]),
    );
    this.initialDialogId = `${assuranceDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['respondToAdditionalAssurance'], 'Which case are you responding on?');
  }

  private async chooseReview(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    if (!reference) return step.endDialog();
    (step.values as Values).reference = reference;
    const waiting = await this.waitingReviews(reference, personOf(step.context).id);
    if (waiting.length <= 1) return step.next(waiting[0]?.review);
    return step.beginDialog(
      this.whichId,
      pick('More than one review is waiting for you. Which are you responding to?', waiting.map((review) => ({ value: review.review, label: review.review === 'assurance' ? 'assurance review' : review.review.toUpperCase() }))),
    );
  }

  private async showActions(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const values = step.values as Values;
    const review = (await this.waitingReviews(values.reference!, personOf(step.context).id)).find((candidate) => candidate.review === step.result);
    if (!review) {
      await step.context.sendActivity(`No review is waiting for additional assurance on ${values.reference} any more. Say **status** to see where it is.`);
      return step.endDialog();
    }
    values.review = review.review;
    setProgress(step, `You are responding to ${reviewNames[review.review]} on ${values.reference}.`);
    const round = review.rounds.at(-1);
    const actions = round?.outcome.decision === 'additionalAssuranceNeeded' ? round.outcome.actions : [];
    await step.context.sendActivity(
      `${capitalise(reviewNames[review.review])} needs more assurance on **${values.reference}**${round ? ` (${plainInMarkdown(round.recorded.by.name)})` : ''}:\n\n` +
        actions.map((action, index) => `${index + 1}. ${plainInMarkdown(action)}`).join('\n'),
    );
    return step.beginDialog(this.responseId);
  }

  private async send(step: WaterfallStepContext<JourneyOptions>): Promise<DialogTurnResult> {
    const { reference, review } = step.values as Values;
    const outcome = await runCaseCommand(step.context, this.desks, reference!, { type: 'respondToAdditionalAssurance', response: step.result as string, review: review! });
    if (!outcome.ok) {
      await step.context.sendActivity(outcome.reason);
      return step.endDialog();
    }
    await step.context.sendActivity(`Thank you: your response is with ${reviewNames[review!]}, which will now decide again. ${caseLine(outcome.state, personOf(step.context).id)}`);
    return step.endDialog();
  }

  private async waitingReviews(reference: string, personId: string): Promise<ReviewRecord[]> {
    const state = await this.desks.cases.caseFor(reference, personId);
    return Object.values(state?.facts.assurance?.reviews ?? {}).filter((review) => review.state === 'awaitingApplicant');
  }

  protected generalHelp(): string {
    return 'A review asked for more assurance before it can decide. Read the actions, then type your response in one message; it goes back to that review.';
  }

  protected startingProgress(): string {
    return 'You are responding to a request for additional assurance.';
  }

  protected cancelMessage(): string {
    return 'Stopped: nothing was sent. Say **assurance** when you are ready to respond.';
  }
}
