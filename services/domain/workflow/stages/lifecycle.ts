import { z } from 'zod';
import { entraId, personRef, text } from '../commands/fields';
import { accept, refuse } from '../decision';
import type { OutboxEffect } from '../effects';
import { stampOf, withFacts } from '../evolve/helpers';
import type { CaseState } from '../state/caseState';
import type { Deciders, Evolvers } from './handlers';

/** Commands that apply across stages: the applicant's team, withdrawal and closure. */
export const lifecycleCommandSchemas = [
  z.object({ type: z.literal('inviteApplicantMember'), member: personRef }),
  z.object({ type: z.literal('removeApplicantMember'), memberId: entraId }),
  z.object({ type: z.literal('withdraw'), reason: text('the reason for withdrawing', 2000) }),
  z.object({ type: z.literal('close'), reason: text('the reason for closing the case', 2000) }),
] as const;

export type LifecycleCommand = z.infer<(typeof lifecycleCommandSchemas)[number]>;

/** Across stages: the applicant's team, withdrawal (before access) and closure by DARS. */
export const lifecycleDeciders: Deciders<LifecycleCommand> = {
  inviteApplicantMember: (state, command) => {
    const people = state.people;
    if (command.member.id === people.applicant.id) return refuse('invalid', `${command.member.name} is the applicant on ${state.reference} already.`);
    if (people.members.some((member) => member.id === command.member.id)) return refuse('conflict', `${command.member.name} is already on ${state.reference}.`);
    return accept([{ type: 'applicantMemberInvited', member: command.member }]);
  },
  removeApplicantMember: (state, command) => {
    const member = state.people.members.find((candidate) => candidate.id === command.memberId);
    if (!member) return refuse('invalid', `That person is not a member of ${state.reference}.`);
    return accept([{ type: 'applicantMemberRemoved', member }], []);
  },
  withdraw: (state, command) => accept([{ type: 'caseWithdrawn', reason: command.reason }], [...closingEffects(state)]),
  close: (state, command) => accept([{ type: 'caseClosed', reason: command.reason }], [...closingEffects(state)]),
};

/** A DSA out for signature is taken back (its cards re-render without buttons, as every card does). */
function closingEffects(state: CaseState): OutboxEffect[] {
  const dsa = state.facts.dsa;
  return dsa?.sent && !dsa.executed ? [{ kind: 'withdrawSignatureRequests', dsaVersion: dsa.dsaVersion, documentHash: dsa.contentHash }] : [];
}

export const lifecycleEvolvers: Evolvers<'applicantMemberInvited' | 'applicantMemberRemoved' | 'caseWithdrawn' | 'caseClosed'> = {
  applicantMemberInvited: (state, event) => ({ ...state, people: { ...state.people, members: [...state.people.members, event.member] } }),
  applicantMemberRemoved: (state, event) => ({ ...state, people: { ...state.people, members: state.people.members.filter((member) => member.id !== event.member.id) } }),
  caseWithdrawn: (state, event) => withFacts(state, { closure: { reason: event.reason, stamp: stampOf(event) } }, 'withdrawn'),
  caseClosed: (state, event) => withFacts(state, { closure: { reason: event.reason, stamp: stampOf(event) } }, 'closed'),
};
