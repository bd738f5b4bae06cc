import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';

import type { EnquiryDesk, StatusDesk } from './desks';
import { EnquiryDialog, enquiryDialogId } from './enquiry/enquiryDialog';
import { personOf } from './personOf';

/**
 * The root of the applicant's 1:1 chat. When no conversation is under way, it reads what the
 * person asked for: a new enquiry, their status, or help.
 */
export const personalChatDialogId = 'personalChat';
const routeId = 'personalChat.route';

export const personalChatHelp =
  'I am **DARS Bot**, for NHS England\'s Data Access Request Service. I can:\n\n' +
  '- **new enquiry**: ask about access to NHS England data (four short parts; about 5 minutes)\n' +
  '- **status**: show where each of your cases stands, who has the next step and when it is due\n' +
  '- **help**: show this message\n\n' +
  'During an enquiry you can say **cancel** to stop, or **status** to see where you are.';

export class PersonalChatDialog extends ComponentDialog {
  constructor(
    enquiryDesk: EnquiryDesk,
    private readonly statusDesk: StatusDesk,
    clock?: () => Date,
  ) {
    super(personalChatDialogId);
    this.addDialog(new EnquiryDialog(enquiryDesk, statusDesk, clock));
    this.addDialog(new WaterfallDialog(routeId, [this.route.bind(this)]));
    this.initialDialogId = routeId;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = (step.context.activity.text ?? '').trim().toLowerCase().replace(/[.!?]+$/, '');
    if (/^(new enquiry|new|enquiry|start|make an enquiry|apply)$/.test(text)) return step.beginDialog(enquiryDialogId);
    if (text === 'status') {
      await step.context.sendActivity(await this.statusDesk.describeCasesFor(personOf(step.context)));
      return step.endDialog();
    }
    if (text === 'cancel') {
      await step.context.sendActivity('There is nothing to cancel. Say **new enquiry** to start one.');
      return step.endDialog();
    }
    const greeting = text === 'help' || text === '?' ? '' : `Hello ${personOf(step.context).name.split(' ')[0]}. `;
    await step.context.sendActivity(MessageFactory.suggestedActions(['new enquiry', 'status', 'help'], `${greeting}${personalChatHelp}`));
    return step.endDialog();
  }
}
