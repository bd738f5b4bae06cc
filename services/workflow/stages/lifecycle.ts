import type { LifecycleCommand } from '../commands';
import { accept, refuse, type HandlerResult } from '../decision';
import { allCaseCards, sendCard, updateCards, type OutboxEffect } from '../effects';
import type { CaseState } from '../state/caseState';

/** Across stages: the applicant's team, withdrawal (before access) and closure by DARS. */
export function decideLifecycle(state: CaseState, command: LifecycleCommand): HandlerResult {
  const reference = state.reference;
  const people = state.people;
  switch (command.type) {
    case 'inviteApplicantMember':
      if (command.member.id === people.applicant.id) return refuse('invalid', `${command.member.name} is the applicant on ${reference} already.`);
      if (people.members.some((member) => member.id === command.member.id)) return refuse('conflict', `${command.member.name} is already on ${reference}.`);
      return accept(
        [{ type: 'applicantMemberInvited', member: command.member }],
        [sendCard({ personId: command.member.id }, 'caseStatus')],
      );
    case 'removeApplicantMember': {
      const member = people.members.find((candidate) => candidate.id === command.memberId);
      if (!member) return refuse('invalid', `That person is not a member of ${reference}.`);
      return accept([{ type: 'applicantMemberRemoved', member }], []);
    }
    case 'withdraw':
      return accept([{ type: 'caseWithdrawn', reason: command.reason }], [...closingEffects(state)]);
    case 'close':
      return accept([{ type: 'caseClosed', reason: command.reason }], [...closingEffects(state)]);
  }
}

/** Every card re-renders without its buttons; a DSA out for signature is taken back. */
function closingEffects(state: CaseState): OutboxEffect[] {
  const effects: OutboxEffect[] = [updateCards(...allCaseCards)];
  const dsa = state.facts.dsa;
  if (dsa?.sent && !dsa.executed) effects.push({ kind: 'withdrawSignatureRequests', dsaVersion: dsa.dsaVersion, documentHash: dsa.contentHash });
  return effects;
}
