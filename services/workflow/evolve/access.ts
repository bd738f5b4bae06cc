import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';
import { stampOf, withFacts } from './helpers';

type AccessEvent = EventOf<'serviceAgreementSigned' | 'cohortFileDueSet' | 'cohortFileReceived' | 'accessArranged'>;
type LifecycleEvent = EventOf<'applicantMemberInvited' | 'applicantMemberRemoved' | 'caseWithdrawn' | 'caseClosed'>;

export function evolveAccess(state: CaseState, event: AccessEvent): CaseState {
  const access = state.facts.access;
  if (!access) return state;
  switch (event.type) {
    case 'serviceAgreementSigned':
      return withFacts(state, {
        access: { ...access, serviceAgreement: { ...access.serviceAgreement, signed: { ...stampOf(event), typedName: event.typedName, documentHash: event.documentHash } } },
      });
    case 'cohortFileDueSet':
      return withFacts(state, { access: { ...access, cohortFile: { ...access.cohortFile, dueDate: event.dueDate } } });
    case 'cohortFileReceived': {
      const file = { ...(event.fileId ? { fileId: event.fileId } : {}), fileName: event.fileName, rows: event.rows, contentHash: event.contentHash, firstFile: event.firstFile, received: stampOf(event) };
      return withFacts(state, { access: { ...access, cohortFile: { ...access.cohortFile, files: [...access.cohortFile.files, file] } } });
    }
    case 'accessArranged':
      return withFacts(state, { access: { ...access, arranged: stampOf(event) } }, 'accessArranged');
  }
}

export function evolveLifecycle(state: CaseState, event: LifecycleEvent): CaseState {
  switch (event.type) {
    case 'applicantMemberInvited':
      return { ...state, people: { ...state.people, members: [...state.people.members, event.member] } };
    case 'applicantMemberRemoved':
      return { ...state, people: { ...state.people, members: state.people.members.filter((member) => member.id !== event.member.id) } };
    case 'caseWithdrawn':
      return withFacts(state, { closure: { reason: event.reason, stamp: stampOf(event) } }, 'withdrawn');
    case 'caseClosed':
      return withFacts(state, { closure: { reason: event.reason, stamp: stampOf(event) } }, 'closed');
  }
}
