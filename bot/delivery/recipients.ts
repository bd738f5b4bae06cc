import type { CaseState, Channel, Recipient, StaffRole } from '../../services/domain/workflow';
import type { StaffDirectory } from '../staff/staffDirectory';

/** Where an outbox effect goes: a person's 1:1 chat or a staff channel. */
export type Target = { readonly kind: 'person'; readonly id: string } | { readonly kind: 'channel'; readonly channel: Channel };

/** The channel that works for a role, for notices to a role nobody is listed under. */
const channelOfRole: Partial<Record<StaffRole, Channel>> = {
  staff: 'triage',
  approver: 'triage',
  assurance: 'assurance',
  agd: 'agd',
  pag: 'pag',
};

export async function resolveRecipient(to: Recipient, state: CaseState, staff: StaffDirectory): Promise<Target[]> {
  const person = (id: string): Target => ({ kind: 'person', id });
  const people = state.people;
  if (to === 'applicant') return [person(people.applicant.id)];
  if (to === 'applicantTeam') return [people.applicant, ...people.members].map((p) => person(p.id));
  if (to === 'darsContact') return people.darsContact ? [person(people.darsContact.id)] : [{ kind: 'channel', channel: 'triage' }];
  if (to === 'dataControllerSignatory') return people.dataControllerSignatory ? [person(people.dataControllerSignatory.id)] : [];
  if ('personId' in to) return [person(to.personId)];
  if ('channel' in to) return [{ kind: 'channel', channel: to.channel }];
  const holders = await staff.peopleWithRole(to.role);
  if (holders.length > 0) return holders.map(person);
  const channel = channelOfRole[to.role];
  return channel ? [{ kind: 'channel', channel }] : [];
}

export function targetKey(target: Target): string {
  return target.kind === 'person' ? `person:${target.id}` : `channel:${target.channel}`;
}
