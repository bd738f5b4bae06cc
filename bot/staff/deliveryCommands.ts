import type { TurnContext } from 'botbuilder';

import { personOf } from '../../dialogs/personOf';
import type { Channel } from '../../services/domain/workflow';
import { channelOf } from '../cardActions/caseCardViews';
import { stuckLine, type DeadLetters } from '../delivery/deadLetters';
import type { StaffDirectory } from './staffDirectory';

/**
 * The staff channel's commands for the delivery road: "deliveries" lists what the bot gave up
 * delivering, "retry <id>" puts one back. Only DARS staff, only in the triage channel (where
 * the dead-letter reports go); anyone else is told where it works.
 */
export class DeliveryCommands {
  constructor(
    private readonly deadLetters: DeadLetters,
    private readonly staff: StaffDirectory,
    private readonly channels: Record<Channel, string>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Whether `text` (the mention removed, lower case) is one of these commands. */
  handles(text: string): boolean {
    return /^(deliveries|retry)\b/.test(text);
  }

  async answer(context: TurnContext, text: string): Promise<void> {
    const person = personOf(context);
    const inTriage = channelOf(context.activity.conversation.id, this.channels) === 'triage';
    if (!inTriage || !(await this.staff.rolesOf(person.id)).includes('staff')) {
      await context.sendActivity('**deliveries** and **retry** are for DARS staff, in the DARS triage channel.');
      return;
    }
    const retry = /^retry\s+([0-9a-f]{8})\b/.exec(text);
    if (retry) return this.retry(context, retry[1]!, person.id);
    if (/^retry\b/.test(text)) {
      await context.sendActivity('Say **retry** and the id of a stuck delivery, e.g. **retry 1a2b3c4d** (mention me with **deliveries** for the list).');
      return;
    }
    const stuck = await this.deadLetters.stuck();
    if (stuck.length === 0) {
      await context.sendActivity('**Stuck deliveries**: none. Everything the bot owes has been delivered or is still being tried.');
      return;
    }
    await context.sendActivity(`**Stuck deliveries** (${stuck.length}):\n\n${stuck.map(stuckLine).join('\n')}\n\nSay **retry** and an id to try one again.`);
  }

  private async retry(context: TurnContext, id: string, by: string): Promise<void> {
    const outcome = await this.deadLetters.retry(id, by, this.clock());
    if (outcome.kind === 'unknown') await context.sendActivity(`No stuck delivery has the id ${id}. Mention me with **deliveries** for the list.`);
    else if (outcome.kind === 'ambiguous') await context.sendActivity(`${outcome.count} stuck deliveries start with ${id}; nothing was retried.`);
    else await context.sendActivity(`Trying again: ${outcome.letter.caseId}, delivery ${id}. It gets a fresh set of attempts.`);
  }
}
