
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import { londonDate } from '../../services/domain/calendar';
import { checkCohortFile } from '../../services/domain/rules/cohortFile/cohortFileCheck';
import { plural } from '../../services/domain/rules/reason';
import type { CaseState } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { runCaseCommand } from './caseCommand';
import { caseLine } from './caseChoice';
import { cohortFileRequirements, cohortReportMessages } from './cohortReport';
import type { FileAttachment } from './fileAttachment';
import { FilePrompt } from './filePrompt';
import { JourneyDialog, setProgress, type JourneyOptions } from './journeyDialog';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * "cohort file", or a CSV attached in the 1:1 chat: the file is downloaded, checked against the
 * DSA's terms (services/domain/rules/cohortFile), and every failing row reported. Only a file that
 * passes every check is sent to the workflow as `receiveCohortFile`, with the check's counts and
 * the SHA-256 of what was read — never numbers from anywhere else.
 */
export const cohortFileDialogId = 'journey.cohortFile';

/** Cohort files are lists of people, larger than letters: the cap Teams downloads are read with. */
const cohortFileMaximumBytes = 200 * 1024 * 1024;

export interface CohortFileOptions extends JourneyOptions {
  /** The file, when the person attached it without saying "cohort file" first. */
  readonly attachment?: FileAttachment;
}

interface Values {
  reference?: string;
}

export class CohortFileDialog extends JourneyDialog {
  private readonly fileId = `${cohortFileDialogId}.file`;

  constructor(desks: JourneyDesks) {
    super(cohortFileDialogId, desks);
    this.addDialog(new FilePrompt(this.fileId));
    this.addDialog(new WaterfallDialog(`${cohortFileDialogId}.steps`, [this.chooseCase.bind(this), this.askForFile.bind(this), this.check.bind(this)]));
    this.initialDialogId = `${cohortFileDialogId}.steps`;
  }

  private async chooseCase(step: WaterfallStepContext<CohortFileOptions>): Promise<DialogTurnResult> {
    return this.pickCase(step, ['receiveCohortFile'], 'Which case is this cohort file for?');
  }

  private async askForFile(step: WaterfallStepContext<CohortFileOptions>): Promise<DialogTurnResult> {
    const reference = step.result as string | undefined;
    if (!reference) return step.endDialog();
    (step.values as Values).reference = reference;
    setProgress(step, `You are sending the cohort file for ${reference}.`);
    if (step.options.attachment) return step.next(step.options.attachment);
    const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
    if (state) await step.context.sendActivity(cohortFileRequirements(state));
    return step.beginDialog(this.fileId);
  }

  private async check(step: WaterfallStepContext<CohortFileOptions>): Promise<DialogTurnResult> {
    const file = step.result as FileAttachment;
    const reference = (step.values as Values).reference!;
    const state = await this.desks.cases.caseFor(reference, personOf(step.context).id);
    if (!state) return step.endDialog();
    if (!/\.csv$/i.test(file.name)) {
      await step.context.sendActivity(`${plainInMarkdown(file.name)} is not a CSV file. Save the cohort as CSV (comma-separated values), named starting ${state.nicNumber ?? 'with the NIC number'}, and attach it again.`);
      return step.endDialog();
    }
    await step.context.sendActivity({ type: 'typing' });
    let text: string;
    let bytes: Buffer | undefined;
    try {
      if (this.desks.files) {
        const read = await this.desks.files.download(file.downloadUrl, cohortFileMaximumBytes);
        if (read === 'tooLarge') {
          await step.context.sendActivity(`${plainInMarkdown(file.name)} is larger than 200 MB, the most DARS accepts for a cohort file. Please split it and send each part.`);
          return step.endDialog();
        }
        bytes = read;
        text = read.toString('utf8');
      } else {
        text = await this.desks.attachments.fetchText(file.downloadUrl);
      }
    } catch {
      await step.context.sendActivity(`I could not download ${plainInMarkdown(file.name)} from Teams. Please attach it again.`);
      return step.endDialog();
    }
    const report = await checkCohortFile(bytes ?? text, this.checkOptions(state, file.name));
    for (const message of cohortReportMessages(report, state.nicNumber ?? '')) await step.context.sendActivity(message);
    if (!report.ok) return step.endDialog();

    // Kept whole, like evidence: the hash recorded is then the stored bytes' own.
    const stored = bytes && this.desks.files
      ? await this.desks.files.keep({ fileName: file.name, contentType: 'text/csv', bytes, caseReference: reference, sentBy: personOf(step.context).id, purpose: 'cohortFile' })
      : undefined;
    const outcome = await runCaseCommand(step.context, this.desks, reference, {
      type: 'receiveCohortFile',
      ...(stored ? { fileId: stored._id } : {}),
      fileName: file.name,
      rows: report.rowCount,
      contentHash: stored?.sha256 ?? report.sha256,
      failingRows: report.failingRowCount,
    });
    await step.context.sendActivity(
      outcome.ok
        ? `DARS has received the cohort file for **${reference}** (${plural(report.rowCount, 'row')}). ${caseLine(outcome.state, personOf(step.context).id)}`
        : outcome.reason,
    );
    return step.endDialog();
  }

  private checkOptions(state: CaseState, fileName: string) {
    const terms = state.facts.dsa?.terms;
    return {
      fileName,
      nicNumber: state.nicNumber ?? '',
      firstFile: (state.facts.access?.cohortFile.files.length ?? 0) === 0,
      today: londonDate(this.desks.clock()),
      ...(terms?.cohortFileItems ? { allowedItems: terms.cohortFileItems } : {}),
      ...(terms?.datesMinimised !== undefined ? { datesMinimised: terms.datesMinimised } : {}),
    };
  }

  protected generalHelp(): string {
    return 'Attach the cohort (participant) file as a CSV to a message here. I check every row before anything is sent to DARS, and tell you each row that needs fixing.';
  }

  protected startingProgress(): string {
    return 'You are sending a cohort file.';
  }

  protected cancelMessage(): string {
    return 'Stopped: no file was sent. Attach the cohort file here whenever you are ready.';
  }
}
