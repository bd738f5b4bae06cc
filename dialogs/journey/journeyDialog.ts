import type { Dialog, DialogContext, WaterfallStepContext } from 'botbuilder-dialogs';

import type { JourneyDesks } from '../desks';
import { FieldPrompt } from '../forms/fieldPrompt';
import { InterruptibleDialog } from '../interruptibleDialog';
import { CasePickerDialog, type CasePickOptions } from './casePickerDialog';

/**
 * A step of the applicant's journey in chat (answer, funding, application, …): interruptible by
 * help, status and cancel, with a case picker, and help that follows the question being asked
 * however deep it is (a form inside a section inside the application).
 */
export interface JourneyOptions {
  /** A reference the person typed with the command. */
  readonly reference?: string;
}

interface JourneyValues {
  progress?: string;
  reference?: string;
}

export abstract class JourneyDialog extends InterruptibleDialog {
  protected readonly pickerId: string;

  constructor(
    id: string,
    protected readonly desks: JourneyDesks,
  ) {
    super(id, desks.status);
    this.pickerId = `${id}.case`;
    this.addDialog(new CasePickerDialog(this.pickerId, desks));
  }

  /** Help when no form question is being asked. */
  protected abstract generalHelp(): string;
  /** Progress when no step has recorded any. */
  protected abstract startingProgress(): string;

  /** Begins the case picker for `keys`, honouring a typed reference. */
  protected pickCase(step: WaterfallStepContext<JourneyOptions>, keys: CasePickOptions['keys'], question: string) {
    const options: CasePickOptions = { keys, question, ...(step.options?.reference ? { typedReference: step.options.reference } : {}) };
    return step.beginDialog(this.pickerId, options);
  }

  protected helpFor(inner: DialogContext): string {
    const active = deepestActive(inner);
    const specific = active instanceof FieldPrompt ? active.help : this.generalHelp();
    return `${specific}\n\nYou can also say **status** to see where you are, or **cancel** to stop.`;
  }

  protected progressOf(inner: DialogContext): string {
    // The top of the stack (the end of the array) is the step in progress.
    for (const instance of [...inner.stack].reverse()) {
      const progress = (instance.state as { values?: JourneyValues } | undefined)?.values?.progress;
      if (progress) return progress;
    }
    return this.startingProgress();
  }
}

/** Records what "status" says about where the person is in this step. */
export function setProgress(step: WaterfallStepContext, progress: string): void {
  (step.values as JourneyValues).progress = progress;
}

/** The dialog being run now, however deeply nested. */
function deepestActive(dc: DialogContext): Dialog | undefined {
  let current = dc;
  while (current.child) current = current.child;
  return current.activeDialog ? current.findDialog(current.activeDialog.id) : undefined;
}

