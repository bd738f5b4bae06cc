import { CardFactory, type TurnContext } from 'botbuilder';

import type { CaseQueries } from '../../services/storage/cases/caseQueries';
import type { CaseRecord } from '../../services/storage/cases/caseIndex';
import { caseReferencePattern } from '../../services/storage/cases/caseReference';
import type { CaseDesk, Reader } from '../../services/storage/cases/caseDesk';
import { formatDate, londonDate } from '../../services/domain/calendar';
import { readsEveryCase, statusInfo, unseenCaseMessage, type Channel } from '../../services/domain/workflow';
import type { CaseCardViews } from '../cardActions/caseCardViews';
import { channelAccess, channelRole } from './channelAccess';
import type { DeliveryCommands } from './deliveryCommands';
import { historyReply } from './historyReplies';
import type { StaffDirectory } from './staffDirectory';

/**
 * Staff @mention the bot in their channel: "queue" (cases waiting on this channel's role),
 * "mine" (where I am the DARS contact or hold the next action), "overdue", or a case by
 * reference ("case DARS-2026-00042") for its status card. Each answer shows only cases the
 * asker may see (the read table); a case they may not see is answered as one that does not exist.
 */

export const staffChannelHelp =
  'Mention me with:\n\n- **queue**: cases waiting on this channel\n- **mine**: cases where you are the DARS contact or hold the next step\n' +
  '- **overdue**: cases past their due date\n- **case DARS-2026-00042**: where a case stands, with its history\n' +
  '- **verify DARS-2026-00042** (or **verify** for every case): whether the history is as it was written\n' +
  '- **deliveries**: messages and cards the bot could not deliver (**retry** and an id to try one again)';

export class StaffChannel {
  constructor(
    private readonly queries: CaseQueries,
    private readonly desk: CaseDesk,
    private readonly views: CaseCardViews,
    private readonly staff: StaffDirectory,
    private readonly channels: Record<Channel, string>,
    private readonly deliveries: DeliveryCommands,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async answer(context: TurnContext): Promise<void> {
    const text = withoutMentions(context).toLowerCase();
    // Only in the configured channels, and only for people holding the channel's role.
    const access = await channelAccess(context, this.channels, this.staff);
    if (!access.ok) {
      await context.sendActivity(access.answer);
      return;
    }
    const { channel, reader } = access;
    const reference = /dars-\d{4}-\d{5}/i.exec(text)?.[0].toUpperCase();

    if (this.deliveries.handles(text)) return this.deliveries.answer(context, text);
    if (/^verify\b/.test(text)) return this.verify(context, reference, reader);
    if (reference && caseReferencePattern.test(reference)) return this.showCase(context, reference, reader);
    if (/^queue\b/.test(text)) {
      const records = await this.queries.queue({ holderRole: channelRole[channel] });
      return this.list(context, await this.desk.readableOf(records, reader), `Waiting on ${channel === 'triage' ? 'DARS staff' : channelRole[channel].toUpperCase()}`);
    }
    if (/^mine\b/.test(text)) return this.list(context, await this.desk.readableOf(await this.queries.mine(reader.id), reader), 'Your cases');
    if (/^overdue\b/.test(text)) return this.list(context, await this.desk.readableOf(await this.queries.overdue(), reader), 'Overdue');
    await context.sendActivity(staffChannelHelp);
  }

  /** Whether a case's history (one the reader may see), or every case's (DARS staff only), verifies. */
  private async verify(context: TurnContext, reference: string | undefined, reader: Reader): Promise<void> {
    if (reference && !(await this.desk.readableBy(reference, reader))) return void (await context.sendActivity(unseenCaseMessage(reference)));
    if (!reference && !readsEveryCase(reader.roles)) {
      return void (await context.sendActivity('Only DARS staff can check every case’s history. Name a case instead: **verify DARS-2026-00042**.'));
    }
    await context.sendActivity(await historyReply(this.desk.history, reference));
  }

  private async showCase(context: TurnContext, reference: string, reader: Reader): Promise<void> {
    const state = await this.desk.readableBy(reference, reader);
    if (!state) {
      await context.sendActivity(unseenCaseMessage(reference));
      return;
    }
    const card = await this.views.forPerson('caseStatus', state, reader.id, { history: await this.desk.history.verifyCase(reference) });
    await context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)], summary: `${reference}: status` });
  }

  private async list(context: TurnContext, records: CaseRecord[], title: string): Promise<void> {
    if (records.length === 0) {
      await context.sendActivity(`**${title}**: none.`);
      return;
    }
    const today = londonDate(this.clock());
    const lines = records.map((record) => {
      const due = record.nextDue ? `, due ${formatDate(record.nextDue)}${record.nextDue < today ? ' (**overdue**)' : ''}` : '';
      return `- **${record._id}**: ${statusInfo[record.status].now}${due}`;
    });
    await context.sendActivity(`**${title}** (${records.length}):\n\n${lines.join('\n')}`);
  }
}

/** The message text without the "<at>DARS Bot</at>" mention. */
function withoutMentions(context: TurnContext): string {
  return (context.activity.text ?? '').replace(/<at>[^<]*<\/at>/g, '').trim();
}
