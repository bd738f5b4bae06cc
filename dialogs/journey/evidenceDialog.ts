import { MessageFactory, type Activity } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { claimedFileType, contentIs, contentTypes, fileTypeNames } from '../../services/domain/evidence/fileType';
import { evidenceKindNames, evidenceKindNamesInSentence, evidenceKindOf, evidenceKinds, maximumEvidenceBytes, type EvidenceKind } from '../../services/domain/rules/evidence';
import { plainInMarkdown } from '../../services/domain/text/markdownText';
import { formatFileSize, missingEvidence } from '../../services/domain/workflow/state/evidenceChecklist';
import type { CaseState } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { evidenceChecklistText, evidenceLinksCard } from './evidenceChecklistText';
import { runCaseCommand } from './caseCommand';
import type { FileAttachment } from './fileAttachment';
import { JourneyDialog, setProgress, type JourneyOptions } from './journeyDialog';
import { pick, PickPrompt, type Pick } from './pickPrompt';

/**
 * "evidence", or a file (not a cohort CSV) attached in the 1:1 chat: the file is downloaded with a
 * 25 MB cap, its type checked by its content against what its name claims, kept whole in the file
 * store with its SHA-256, and — once the applicant says what it evidences — recorded on the case
 * as `attachEvidence` with the size and hash the bot itself computed.
 */
export const evidenceDialogId = 'journey.evidence';

export interface EvidenceOptions extends JourneyOptions {
  readonly attachment?: FileAttachment;
  /** What the person typed with the file ("ethics approval letter"), which may name its kind. */
  readonly words?: string;
}

const howToSend = 'To send a file, attach it to a message here (the paperclip under the box where you type) and say what it is, for example "ethics approval letter". PDF, Word (DOCX), PNG, JPEG or CSV, up to 25 MB each.';

interface Values {
  reference?: string;
  file?: { fileId: string; fileName: string; size: number; sha256: string };
}

export class EvidenceDialog extends JourneyDialog {
  private readonly kindId = `${evidenceDialogId}.kind`;

  constructor(desks: JourneyDesks) {
    super(evidenceDialogId, desks);
    this.addDialog(new PickPrompt(this.kindId));
    this.addDialog(new WaterfallDialog(`${evidenceDialogId}.steps`, [this.chooseCase.bind(this), this.askForFile.bind(this), this.keep.bind(this), this.record.bind(this)]));
    this.initialDialogId = `${evidenceDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<EvidenceOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['attachEvidence'], 'Which case is this evidence for?');
  }

  private async askForFile(step: WaterfallStepContext<EvidenceOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    if (!reference) return step.endDialog();
    (step.values as Values).reference = reference;
    setProgress(step, `You are sending evidence for ${reference}.`);
    if (step.options.attachment) return step.next(step.options.attachment);
    // "evidence" on its own: the checklist, and how to send a file. No waiting for one: the next
    // file attached comes here anyway, and an applicant gathering letters should not be held in a step.
    const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
    if (state) await step.context.sendActivity(await this.checklistMessage(step, state, `${evidenceChecklistText(state)}\n\n${howToSend}`));
    return step.endDialog();
  }

  /** Downloads, checks and keeps the file; then asks what it evidences unless the person said. */
  private async keep(step: WaterfallStepContext<EvidenceOptions>): Promise<DialogTurnResult> {
    const attachment = step.result as FileAttachment;
    const values = step.values as Values;
    const name = plainInMarkdown(attachment.name);
    const type = claimedFileType(attachment.name);
    if (!type) {
      await step.context.sendActivity(`${name} is not a kind of file DARS accepts as evidence. Send a PDF, a Word document (DOCX), a PNG or JPEG image, or a CSV file.`);
      return step.endDialog();
    }
    await step.context.sendActivity({ type: 'typing' });
    let bytes: Buffer | 'tooLarge';
    try {
      bytes = await this.desks.files!.download(attachment.downloadUrl, maximumEvidenceBytes);
    } catch {
      await step.context.sendActivity(`I could not download ${name} from Teams. Please attach it again.`);
      return step.endDialog();
    }
    if (bytes === 'tooLarge') {
      await step.context.sendActivity(`${name} is larger than 25 MB, the most DARS accepts for one file. Please send a smaller copy (for example a PDF saved at a lower image quality), or split it into parts.`);
      return step.endDialog();
    }
    if (!(await contentIs(type, bytes))) {
      await step.context.sendActivity(`${name} is named as ${fileTypeNames[type]}, but its content is not ${fileTypeNames[type]}. Nothing was kept. Please check the file and attach it again.`);
      return step.endDialog();
    }
    const stored = await this.desks.files!.keep({
      fileName: attachment.name, contentType: contentTypes[type], bytes, caseReference: values.reference!, sentBy: personOf(step.context).id, purpose: 'evidence',
    });
    values.file = { fileId: stored._id, fileName: stored.fileName, size: stored.size, sha256: stored.sha256 };
    const said = evidenceKindOf(step.options.words ?? '');
    if (said) return step.next(said);
    const state = await this.desks.cases.caseFor(values.reference!, personOf(step.context).id);
    const missing = state ? missingEvidence(state).map((item) => item.kind!) : [];
    const ordered = [...new Set<EvidenceKind>([...missing, ...evidenceKinds])];
    const picks: Pick[] = ordered.map((kind) => ({ value: kind, label: evidenceKindNames[kind] }));
    return step.beginDialog(this.kindId, pick(`What is ${name} (${formatFileSize(stored.size)})?`, picks));
  }

  private async record(step: WaterfallStepContext<EvidenceOptions>): Promise<DialogTurnResult> {
    const kind = step.result as EvidenceKind;
    const { reference, file } = step.values as Values;
    const outcome = await runCaseCommand(step.context, this.desks, reference!, { type: 'attachEvidence', kind, ...file! });
    if (!outcome.ok) {
      await step.context.sendActivity(outcome.reason);
      return step.endDialog();
    }
    await step.context.sendActivity(await this.checklistMessage(
      step,
      outcome.state,
      `Kept ${plainInMarkdown(file!.fileName)} as the ${evidenceKindNamesInSentence[kind]} for **${reference}** (${formatFileSize(file!.size)}; SHA-256 ${file!.sha256}).\n\n${evidenceChecklistText(outcome.state)}`,
    ));
    return step.endDialog();
  }

  /** The checklist's words, with a card of buttons that open the files (links issued to this person), when there are any. */
  private async checklistMessage(step: WaterfallStepContext<EvidenceOptions>, state: CaseState, text: string): Promise<Partial<Activity>> {
    const links = (await this.desks.files?.evidenceLinks?.(state, personOf(step.context).id)) ?? {};
    const card = evidenceLinksCard(state, links);
    return { ...MessageFactory.text(text), ...(card ? { attachments: [card] } : {}) };
  }

  protected generalHelp(): string {
    return 'Attach a file DARS asked for (an ethics approval letter, a CAG (s251) support letter, DSPT or ISO 27001 evidence, consent materials or a data-flow diagram) to a message here, and tell me what it is. PDF, Word, PNG, JPEG or CSV, up to 25 MB.';
  }

  protected startingProgress(): string {
    return 'You are sending evidence.';
  }

  protected cancelMessage(): string {
    return 'Stopped: no evidence was added to your case. Attach the file here whenever you are ready.';
  }
}
