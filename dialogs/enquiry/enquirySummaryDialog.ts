import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';

import { enquirySummaryCard, enquirySummaryVerbs } from '../../cards/enquirySummaryCard';
import { enquiryParts, type Enquiry, type EnquiryPart } from '../../services/domain/enquiry/enquiry';
import { cardClickOf } from '../cardDecision';
import { answerInvoke } from '../invokeAnswer';

/**
 * Check your answers: shows the enquiry on a card and waits for Submit or Change <part>,
 * clicked on the card or typed ("submit", "change purpose").
 */
export type SummaryDecision = { decision: 'submit' } | { decision: 'change'; part: EnquiryPart };

interface SummaryOptions {
  readonly enquiry: Enquiry;
}

const typedParts: [RegExp, EnquiryPart][] = [
  [/data|dataset|period|level/, 'dataWanted'],
  [/purpose|why|summary/, 'purpose'],
  [/organi[sz]ation|controller|processor|funder/, 'organisations'],
  [/readiness|ready|stage|date|target/, 'readiness'],
];

export class EnquirySummaryDialog extends Dialog<SummaryOptions> {
  override async beginDialog(dc: DialogContext, options?: SummaryOptions): Promise<DialogTurnResult> {
    dc.activeDialog!.state.enquiry = options!.enquiry;
    await this.showSummary(dc.context, options!.enquiry, dc.activeDialog!.state);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const decision = decisionOf(dc.context);
    if (decision) {
      await this.closeSummary(dc, decision);
      if (dc.context.activity.type === 'invoke') {
        answerInvoke(dc.context, decision.decision === 'submit' ? 'Submitting your enquiry…' : 'Let\'s change that part.');
      }
      return dc.endDialog(decision);
    }
    if (dc.context.activity.type === 'invoke') {
      answerInvoke(dc.context, 'That button is not part of this enquiry any more.');
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(
      'To go on, press **Submit enquiry** or **Change** on the card, or type **submit**, or **change** with the part: ' +
        '"change data", "change purpose", "change organisations" or "change readiness".',
    );
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.showSummary(context, (instance.state as { enquiry: Enquiry }).enquiry, instance.state as { cardId?: string });
  }

  /**
   * The choice is made: the summary card is updated in place, in this turn, to show the answers
   * without its buttons, so a card left in the chat offers nothing that no longer works.
   */
  private async closeSummary(dc: DialogContext, decision: SummaryDecision): Promise<void> {
    const state = dc.activeDialog!.state as { enquiry: Enquiry; cardId?: string };
    const cardId = state.cardId ?? (dc.context.activity.type === 'invoke' ? dc.context.activity.replyToId : undefined);
    if (!cardId) return;
    const finished = decision.decision === 'submit' ? 'You submitted this enquiry to the DARS team.' : 'You chose to change this enquiry; a new summary follows.';
    await dc.context.updateActivity({ id: cardId, type: 'message', attachments: [CardFactory.adaptiveCard(enquirySummaryCard(state.enquiry, finished))] });
  }

  private async showSummary(context: TurnContext, enquiry: Enquiry, state?: { cardId?: string }): Promise<void> {
    const sent = await context.sendActivity(
      MessageFactory.attachment(
        CardFactory.adaptiveCard(enquirySummaryCard(enquiry)),
        'Here is your enquiry. Submit it, or change any part.',
      ),
    );
    if (state && sent?.id) state.cardId = sent.id;
  }
}

function decisionOf(context: TurnContext): SummaryDecision | undefined {
  const click = cardClickOf(context.activity);
  if (click?.verb === enquirySummaryVerbs.submit) return { decision: 'submit' };
  if (click?.verb === enquirySummaryVerbs.change) {
    const part = enquiryParts.find((p) => p === click.data.part);
    return part ? { decision: 'change', part } : undefined;
  }
  const text = (context.activity.text ?? '').trim().toLowerCase();
  if (/^(submit|send|confirm|yes)( (it|enquiry|my enquiry))?$/.test(text)) return { decision: 'submit' };
  const change = /^(change|edit|fix)\s+(.+)$/.exec(text);
  if (change) {
    const found = typedParts.find(([pattern]) => pattern.test(change[2]));
    if (found) return { decision: 'change', part: found[1] };
  }
  return undefined;
}
