import type { EventOf } from '../events';
import type { CaseState } from '../state/caseState';
import { stampOf, withFacts } from './helpers';

type ApplicationEvent = EventOf<
  'darsContactAllocated' | 'applicationSectionSaved' | 'applicationSubmitted' | 'amendmentsRequested' | 'applicationResubmitted' | 'applicationAccepted'
>;

export function evolveApplication(state: CaseState, event: ApplicationEvent): CaseState {
  const application = state.facts.application;
  switch (event.type) {
    case 'darsContactAllocated': {
      // Taking the case is what lets the applicant start writing (DOMAIN: allocated, then invited).
      const status = state.status === 'awaitingDarsContact' ? 'drafting' : state.status;
      return { ...state, status, people: { ...state.people, darsContact: event.contact } };
    }
    case 'applicationSectionSaved': {
      const revisions = application.sections[event.section] ?? [];
      const revision = { section: event.section, revision: event.revision, applicationVersion: event.applicationVersion, content: event.content, saved: stampOf(event) };
      return withFacts(state, { application: { ...application, sections: { ...application.sections, [event.section]: [...revisions, revision] } } });
    }
    case 'applicationSubmitted':
    case 'applicationResubmitted': {
      const changedSections = event.type === 'applicationResubmitted' ? event.changedSections : [];
      const submission = { version: event.version, sectionRevisions: event.sectionRevisions, changedSections, submitted: stampOf(event) };
      return withFacts(state, { application: { ...application, submissions: [...application.submissions, submission] } }, 'underAcceptanceReview');
    }
    case 'amendmentsRequested':
      return withFacts(state, {
        application: { ...application, amendmentRequests: [...application.amendmentRequests, { version: event.version, comments: event.comments, requested: stampOf(event) }] },
      }, 'amendmentsRequested');
    case 'applicationAccepted':
      return {
        ...withFacts(state, {
          application: { ...application, accepted: { ...stampOf(event), version: event.version } },
          specialConditions: [...state.facts.specialConditions, ...event.specialConditions],
        }, 'levelToConfirm'),
        nicNumber: event.nicNumber,
      };
  }
}
