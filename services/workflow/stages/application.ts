import { recommendAssuranceLevel } from '../../rules/assuranceLevel';
import { checkSecurity } from '../../rules/security';
import { applicationProblems, assuranceFactsFor, securityEvidenceFor } from '../application/checks';
import { sectionTitles } from '../application/sections';
import { draftVersion, latestRevisionNumbers, sectionsChangedSince } from '../application/versions';
import type { ApplicationCommand } from '../commands';
import { accept, refuse, type HandlerContext, type HandlerResult } from '../decision';
import { postCard, sendCard, updateCards } from '../effects';
import { personOf } from '../roles';
import type { CaseState } from '../state/caseState';

/** Stage 3, application (DOMAIN.md): a DARS contact takes it; the applicant writes; DARS accepts or asks for amendments. */
export function decideApplication(state: CaseState, command: ApplicationCommand, ctx: HandlerContext): HandlerResult {
  const reference = state.reference;
  const application = state.facts.application;
  switch (command.type) {
    case 'allocateDarsContact': {
      const contact = command.contact ?? personOf(ctx.actor);
      const current = state.people.darsContact;
      const applicantSide = [state.people.applicant, ...state.people.members].some((person) => person.id === contact.id);
      if (applicantSide) return refuse('invalid', `${contact.name} is on the applicant’s side of ${reference}, so cannot be its DARS contact.`);
      if (current?.id === contact.id) return refuse('conflict', `${current.name} is already the DARS contact for ${reference}.`);
      // Two people pressing "take it" at once: the second sees who has it instead of taking it over.
      if (current && command.replace !== true) {
        return refuse('conflict', `${current.name} has already taken ${reference}. To hand it to someone else, use "reassign".`);
      }
      const inviting = state.status === 'awaitingDarsContact';
      return accept(
        [{ type: 'darsContactAllocated', contact, ...(current ? { previous: current } : {}) }],
        [
          updateCards('takeCase'),
          ...(inviting ? [sendCard('applicantTeam', 'applicationInvitation')] : []),
        ],
      );
    }
    case 'saveApplicationSection': {
      const revision = (application.sections[command.section]?.length ?? 0) + 1;
      return accept([{ type: 'applicationSectionSaved', section: command.section, content: command.content, revision, applicationVersion: draftVersion(application) }]);
    }
    case 'submitApplication': {
      const problems = applicationProblems(state, ctx.today, ctx.rules);
      if (problems.length > 0) return refuse('invalid', `The application cannot be submitted yet. ${problems.join(' ')}`);
      return accept(
        [{ type: 'applicationSubmitted', version: draftVersion(application), sectionRevisions: latestRevisionNumbers(application) }],
        [
          postCard('triage', 'applicationReview'),
        ],
      );
    }
    case 'requestAmendments':
      return accept(
        [{ type: 'amendmentsRequested', version: application.submissions.length, comments: command.comments }],
        [
          updateCards('applicationReview'),
          sendCard('applicantTeam', 'amendments'),
        ],
      );
    case 'resubmitApplication': {
      const previous = application.submissions.length;
      const changed = sectionsChangedSince(application, previous);
      if (changed.length === 0) {
        const asked = application.amendmentRequests[application.amendmentRequests.length - 1]?.comments.map((comment) => sectionTitles[comment.section]) ?? [];
        return refuse('invalid', `Nothing has changed since version ${previous}. Amend the sections DARS commented on (${asked.join(', ')}) and then resubmit.`);
      }
      const problems = applicationProblems(state, ctx.today, ctx.rules);
      if (problems.length > 0) return refuse('invalid', `The application cannot be resubmitted yet. ${problems.join(' ')}`);
      const version = previous + 1;
      return accept(
        [{ type: 'applicationResubmitted', version, sectionRevisions: latestRevisionNumbers(application), changedSections: changed }],
        [
          updateCards('applicationReview', 'amendments'),
        ],
      );
    }
    case 'acceptApplication': {
      const facts = assuranceFactsFor(state);
      const recommendation = recommendAssuranceLevel(facts, ctx.rules);
      const security = checkSecurity(securityEvidenceFor(state), ctx.today, ctx.rules);
      return accept(
        [
          {
            type: 'applicationAccepted',
            version: application.submissions.length,
            nicNumber: command.nicNumber,
            specialConditions: security.specialConditions.map((text) => ({ text, source: 'security' as const })),
          },
          { type: 'assuranceLevelRecommended', level: recommendation.level, label: recommendation.label, reasons: [...recommendation.reasons], facts },
        ],
        [
          updateCards('applicationReview'),
          postCard('assurance', 'assuranceLevel'),
        ],
      );
    }
  }
}
