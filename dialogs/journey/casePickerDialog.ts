import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';

import type { PermissionKey } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';
import { chooseCase } from './caseChoice';
import { pick, PickPrompt } from './pickPrompt';

/**
 * Finds the case a step is about (see caseChoice.ts) and ends with its reference, or with
 * nothing after telling the person why the step is not possible now.
 */
export interface CasePickOptions {
  readonly keys: readonly [PermissionKey, ...PermissionKey[]];
  /** "Which case do you want to withdraw?" */
  readonly question: string;
  readonly typedReference?: string;
}

export class CasePickerDialog extends ComponentDialog {
  private readonly whichId: string;

  constructor(id: string, private readonly desks: JourneyDesks) {
    super(id);
    this.whichId = `${id}.which`;
    this.addDialog(new PickPrompt(this.whichId));
    this.addDialog(new WaterfallDialog(`${id}.steps`, [this.choose.bind(this), this.chosen.bind(this)]));
    this.initialDialogId = `${id}.steps`;
  }

  private async choose(step: WaterfallStepContext<CasePickOptions>): Promise<DialogTurnResult> {
    const person = personOf(step.context);
    const [cases, actor] = await Promise.all([this.desks.cases.casesFor(person.id), this.desks.actors.actorFor(person)]);
    const { keys, typedReference, question } = step.options;
    const choice = chooseCase({ cases, actor, keys, ...(typedReference ? { typedReference } : {}) });
    switch (choice.kind) {
      case 'chosen':
        return step.endDialog(choice.reference);
      case 'explain':
        await step.context.sendActivity(choice.message);
        return step.endDialog(undefined);
      case 'ask':
        return step.beginDialog(this.whichId, pick(question, choice.references.map((reference) => ({ value: reference, label: reference }))));
    }
  }

  private async chosen(step: WaterfallStepContext<CasePickOptions>): Promise<DialogTurnResult> {
    return step.endDialog(step.result as string);
  }
}
