import { sectionNames, sectionTitles, type CaseState } from '../services/domain/workflow';
import { dayOf, type Fact } from './frame/cardText';
import type { CardOptions, CardViewer } from './frame/cardViewer';
import { withChatStep } from './frame/chatStepButton';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/applicationInvitation.json';

/**
 * The applicant team's invitation to write the application (DOMAIN stage 3): who their DARS
 * contact is, and each section with whether it is written yet. The writing happens in chat,
 * section by section; the card's one button starts it (cards/frame/chatStepButton.ts).
 */
export function applicationInvitationCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const application = state.facts.application;
  const contact = state.people.darsContact;
  const sections: Fact[] = sectionNames.map((section) => {
    const revisions = application.sections[section] ?? [];
    const last = revisions[revisions.length - 1];
    return { title: sectionTitles[section], value: last ? `Written (saved ${dayOf(last.saved.at)})` : 'Not started' };
  });
  const written = sections.filter((section) => section.value !== 'Not started').length;
  const submitted = application.submissions.length;
  return fitToBudget(() =>
    withChatStep(frameCard(
      template,
      {
        intro: `${contact ? `${contact.name} is your DARS contact. ` : ''}You are invited to write the formal application for ${state.reference}.`,
        howTo: 'Press "Write the application" (or type "application" in this chat) to write it section by section; DARS Bot saves every answer as you go, checks it against the DARS standards and tells you what to fix. Anyone you add to the case can help. When every section is written, submit it.',
        progress: submitted > 0 ? `Version ${submitted} submitted.` : `${written} of ${sections.length} sections written.`,
        sections,
      },
      { state, viewer, now, options, title: 'Your application', card: 'applicationInvitation', actions: [] },
    ), state, viewer, { key: 'saveApplicationSection', title: 'Write the application', command: 'application' }),
  );
}
