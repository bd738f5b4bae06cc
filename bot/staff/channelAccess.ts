import type { TurnContext } from 'botbuilder';

import { personOf } from '../../dialogs/personOf';
import type { Reader } from '../../services/storage/cases/caseDesk';
import { roleNames, type Channel, type StaffRole } from '../../services/domain/workflow';
import { channelOf } from '../cardActions/caseCardViews';
import type { StaffDirectory } from './staffDirectory';

/**
 * Who may use the staff channel commands, and where: only in the DARS channels the bot is
 * configured with (any other channel or group chat the bot is in is not a DARS channel), and only
 * for people holding that channel's role. Anyone else is told where the commands work.
 */
export const channelRole: Readonly<Record<Channel, StaffRole>> = { triage: 'staff', assurance: 'assurance', agd: 'agd', pag: 'pag' };

export const notAStaffChannel =
  'I answer **queue**, **mine**, **overdue** and **case** only in the DARS staff channels. ' +
  'To see your own cases, say **status** to me in a 1:1 chat.';

export function notYourChannel(channel: Channel): string {
  return `The commands in this channel are for ${roleNames[channelRole[channel]]}. To see your own cases, say **status** to me in a 1:1 chat.`;
}

export type ChannelAccess = { readonly ok: true; readonly channel: Channel; readonly reader: Reader } | { readonly ok: false; readonly answer: string };

export async function channelAccess(context: TurnContext, channels: Record<Channel, string>, staff: Pick<StaffDirectory, 'rolesOf'>): Promise<ChannelAccess> {
  const channel = channelOf(context.activity.conversation.id, channels);
  if (!channel) return { ok: false, answer: notAStaffChannel };
  const person = personOf(context);
  const roles = await staff.rolesOf(person.id);
  if (!roles.includes(channelRole[channel])) return { ok: false, answer: notYourChannel(channel) };
  return { ok: true, channel, reader: { id: person.id, roles } };
}
