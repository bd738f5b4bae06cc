import { CardFactory, type TurnContext } from 'botbuilder';

import type { CaseQueries } from '../services/cases/caseQueries';
import type { CaseRecord } from '../services/cases/caseIndex';
import { caseReferencePattern } from '../services/cases/caseReference';
import type { CaseDesk } from '../services/cases/caseDesk';
import { formatDate, londonDate } from '../services/calendar';
import { statusInfo, type Channel, type StaffRole } from '../services/workflow';
import { personOf } from '../dialogs/personOf';
import { channelOf, type CaseCardViews } from './caseCardViews';
import type { DeliveryCommands } from './deliveryCommands';

/**
 * Staff @mention the bot in their channel: "queue" (cases waiting on this channel's role),
 * "mine" (where I am the DARS contact or hold the next action), "overdue", or a case by
 * reference ("case DARS-2026-00042") for its status card.
 */
const channelRole: Record<Channel, StaffRole> = { triage: 'staff', assurance: 'assurance', agd: 'agd', pag: 'pag' };

export const staffChannelHelp =
  'Mention me with:\n\n- **queue**: cases waiting on this channel\n- **mine**: cases where you are the DARS contact or hold the next step\n' +
  '- **overdue**: cases past their due date\n- **case DARS-2026-00042**: where a case stands, with its history\n' +
  '- **deliveries**: messages and cards the bot could not deliver (**retry** and an id to try one again)';

export class StaffChannel {
  constructor(
    private readonly queries: CaseQueries,
    private readonly desk: CaseDesk,
    private readonly views: CaseCardViews,
    private readonly channels: Record<Channel, string>,
    private readonly deliveries: DeliveryCommands,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async answer(context: TurnContext): Promise<void> {
    const text = withoutMentions(context).toLowerCase();
    const channel = channelOf(context.activity.conversation.id, this.channels) ?? 'triage';
    const reference = /dars-\d{4}-\d{5}/i.exec(text)?.[0].toUpperCase();

    if (this.deliveries.handles(text)) return this.deliveries.answer(context, text);
    if (reference && caseReferencePattern.test(reference)) return this.showCase(context, reference);
    if (/^queue\b/.test(text)) {
      const records = await this.queries.queue({ holderRole: channelRole[channel] });
      return this.list(context, records, `Waiting on ${channel === 'triage' ? 'DARS staff' : channelRole[channel].toUpperCase()}`);
    }
    if (/^mine\b/.test(text)) return this.list(context, await this.queries.mine(personOf(context).id), 'Your cases');
    if (/^overdue\b/.test(text)) return this.list(context, await this.queries.overdue(), 'Overdue');
    await context.sendActivity(staffChannelHelp);
  }

  private async showCase(context: TurnContext, reference: string): Promise<void> {
    const state = await this.desk.get(reference);
    if (!state) {
      await context.sendActivity(`There is no case ${reference}. Check the reference (DARS-<year>-<5 digits>).`);
      return;
    }
    const card = await this.views.forPerson('caseStatus', state, personOf(context).id);
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
