import { MessageFactory } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { AmendDialog, amendDialogId } from './application/amendDialog';
import { ApplicationDialog, applicationDialogId, type ApplicationOptions } from './application/applicationDialog';
import { SubmitApplicationDialog, submitApplicationDialogId } from './application/submitApplicationDialog';
import type { ActorDirectory, AttachmentFetcher, CaseAccess, EnquiryDesk, FileKeeping, JourneyDesks, StatusDesk } from './desks';
import { EnquiryDialog, enquiryDialogId } from './enquiry/enquiryDialog';
import { AnswerDialog, answerDialogId, type AnswerOptions } from './journey/answerDialog';
import { AssuranceDialog, assuranceDialogId } from './journey/assuranceDialog';
import { canDo } from './journey/caseChoice';
import { CohortFileDialog, cohortFileDialogId, type CohortFileOptions } from './journey/cohortFileDialog';
import { EvidenceDialog, evidenceDialogId, type EvidenceOptions } from './journey/evidenceDialog';
import { fileAttachmentOf, type FileAttachment } from './journey/fileAttachment';
import { FundingDialog, fundingDialogId } from './journey/fundingDialog';
import { WithdrawDialog, withdrawDialogId } from './journey/withdrawDialog';
import { personOf } from './personOf';
import { chosenCommandOf } from './commandWords';
import { couldBeAnAnswer, routeOf, type JourneyName } from './personalChatRoutes';
import { plainInMarkdown } from '../services/domain/text/markdownText';

/**
 * The root of the applicant's 1:1 chat. When no conversation is under way, it reads what the
 * person asked for — a new enquiry, a step of their case (answer, funding, application, …), their
 * status, or help — and starts that conversation. A file attached on its own is a cohort file.
 */
export const personalChatDialogId = 'personalChat';
const routeId = 'personalChat.route';

const enquiryHelp =
  '- **new enquiry**: ask about access to NHS England data (four short parts; about 5 minutes)\n' +
  '- **status** (or **my cases**): where each of your cases stands, who has the next step and when it is due\n' +
  '- **history** (or **history DARS-2026-00042**): what has happened on a case, with dates\n';

const journeyHelp =
  '- **answer**: answer DARS\'s question about your enquiry\n' +
  '- **funding**: confirm the source of funding and payment details\n' +
  '- **application**: write your application, section by section (saved as you go); **application legal basis** changes one section\n' +
  '- **submit application**: check the application and submit it\n' +
  '- **amend**: see DARS\'s comments, change those sections and resubmit\n' +
  '- **assurance**: respond to a request for additional assurance\n' +
  '- **cohort file**: send the cohort file (or just attach the CSV here)\n' +
  '- **evidence**: see the evidence DARS asked for, and send it (or just attach the file here, saying what it is)\n' +
  '- **withdraw**: withdraw a case\n';

export const personalChatHelp =
  'I am **DARS Bot**, for NHS England\'s Data Access Request Service. I can:\n\n' +
  enquiryHelp +
  '- **help**: show this message\n\n' +
  'During an enquiry you can say **cancel** to stop, or **status** to see where you are.';

const journeyHelpText =
  'I am **DARS Bot**, for NHS England\'s Data Access Request Service. I can:\n\n' +
  enquiryHelp +
  journeyHelp +
  '- **help**: show this message\n\n' +
  'Add a case reference when you have several, for example "withdraw DARS-2026-00042". ' +
  'At any step you can say **help**, **status**, or **cancel** to stop.';

const journeyDialogIds: Readonly<Record<JourneyName, string>> = {
  answer: answerDialogId,
  funding: fundingDialogId,
  application: applicationDialogId,
  submitApplication: submitApplicationDialogId,
  amend: amendDialogId,
  assurance: assuranceDialogId,
  cohortFile: cohortFileDialogId,
  evidence: evidenceDialogId,
  withdraw: withdrawDialogId,
};

export class PersonalChatDialog extends ComponentDialog {
  private readonly journeys: JourneyDesks | undefined;

  /**
   * The case desk, actor directory and attachment fetcher turn on the applicant's journey after
   * the enquiry; without them (the composition root before it is wired) the chat offers the
   * enquiry and status only.
   */
  constructor(
    enquiryDesk: EnquiryDesk,
    private readonly statusDesk: StatusDesk,
    caseDesk?: CaseAccess,
    actorDirectory?: ActorDirectory,
    attachmentFetcher?: AttachmentFetcher,
    clock: () => Date = () => new Date(),
    files?: FileKeeping,
  ) {
    super(personalChatDialogId);
    this.addDialog(new EnquiryDialog(enquiryDesk, statusDesk, clock));
    this.journeys =
      caseDesk && actorDirectory && attachmentFetcher
        ? { cases: caseDesk, actors: actorDirectory, attachments: attachmentFetcher, status: statusDesk, clock, ...(files ? { files } : {}) }
        : undefined;
    if (this.journeys) {
      for (const Journey of [AnswerDialog, FundingDialog, ApplicationDialog, SubmitApplicationDialog, AmendDialog, AssuranceDialog, CohortFileDialog, WithdrawDialog]) {
        this.addDialog(new Journey(this.journeys));
      }
      if (files) this.addDialog(new EvidenceDialog(this.journeys));
    }
    this.addDialog(new WaterfallDialog(routeId, [this.route.bind(this), this.afterConversation.bind(this)]));
    this.initialDialogId = routeId;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const attachment = fileAttachmentOf(step.context.activity);
    if (attachment && this.journeys) return this.routeFile(step, attachment);

    const route = routeOf(step.context.activity.text ?? '');
    switch (route.kind) {
      case 'enquiry':
        return step.beginDialog(enquiryDialogId);
      case 'status':
        await step.context.sendActivity(await this.statusDesk.describeCasesFor(personOf(step.context)));
        return step.endDialog();
      case 'history':
        await step.context.sendActivity(await this.statusDesk.describeHistoryFor(personOf(step.context), route.reference));
        return step.endDialog();
      case 'cancel':
        await step.context.sendActivity('There is nothing to cancel. Say **new enquiry** to start one, or **help** to see what I can do.');
        return step.endDialog();
      case 'journey':
        if (!this.journeys || (route.journey === 'evidence' && !this.journeys.files)) break;
        if (route.journey === 'application') {
          const options: ApplicationOptions = { ...(route.reference ? { reference: route.reference } : {}), ...(route.rest ? { sectionText: route.rest } : {}) };
          return step.beginDialog(applicationDialogId, options);
        }
        return step.beginDialog(journeyDialogIds[route.journey], route.reference ? { reference: route.reference } : {});
      case 'other':
        if (this.journeys && couldBeAnAnswer(route.text) && (await this.hasOpenQuestion(step))) {
          return step.beginDialog(answerDialogId, { draft: route.text } satisfies AnswerOptions);
        }
        break;
      case 'help':
        break;
    }
    const text = (step.context.activity.text ?? '').trim().toLowerCase();
    const greeting = text === 'help' || text === '?' ? '' : `Hello ${plainInMarkdown(personOf(step.context).name.split(' ')[0] ?? '')}. `;
    const help = this.journeys ? journeyHelpText : personalChatHelp;
    const actions = this.journeys ? ['new enquiry', 'status', 'application', 'help'] : ['new enquiry', 'status', 'help'];
    await step.context.sendActivity(MessageFactory.suggestedActions(actions, `${greeting}${help}`));
    return step.endDialog();
  }

  /**
   * A conversation ended because the person chose a command they typed where an answer was
   * expected ("Did you mean the command …?", dialogs/commandWords.ts): run that command now.
   */
  private async afterConversation(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const command = chosenCommandOf(step.result);
    if (!command) return step.endDialog(step.result);
    step.context.activity.text = command;
    return step.replaceDialog(routeId);
  }

  /**
   * A file attached on its own: a CSV is the cohort file when one of the person's cases is waiting
   * for it; anything else (or a CSV otherwise) is evidence, when files can be kept.
   */
  private async routeFile(step: WaterfallStepContext, attachment: FileAttachment): Promise<DialogTurnResult> {
    const journeys = this.journeys!;
    if (journeys.files) {
      const cohortWanted = /\.csv$/i.test(attachment.name) && (await this.anyCaseCan(step, 'receiveCohortFile'));
      if (!cohortWanted) {
        const options: EvidenceOptions = { attachment, ...(step.context.activity.text ? { words: step.context.activity.text } : {}) };
        return step.beginDialog(evidenceDialogId, options);
      }
    }
    return step.beginDialog(cohortFileDialogId, { attachment } satisfies CohortFileOptions);
  }

  private async anyCaseCan(step: WaterfallStepContext, key: 'receiveCohortFile'): Promise<boolean> {
    const journeys = this.journeys!;
    const person = personOf(step.context);
    const [cases, actor] = await Promise.all([journeys.cases.casesFor(person.id), journeys.actors.actorFor(person)]);
    return cases.some((state) => canDo(state, actor, [key]));
  }

  /** Whether DARS is waiting for this person's answer on one of their cases (the card says "reply in chat"). */
  private async hasOpenQuestion(step: WaterfallStepContext): Promise<boolean> {
    const journeys = this.journeys!;
    const person = personOf(step.context);
    const [cases, actor] = await Promise.all([journeys.cases.casesFor(person.id), journeys.actors.actorFor(person)]);
    return cases.some((state) => canDo(state, actor, ['answerInformationRequest']));
  }
}
