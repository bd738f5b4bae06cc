import { sectionTitles, type CaseState } from '../services/domain/workflow';
import { dayOf } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/applicationReview.json';
import { reviewSections, versionUnderReview } from './views/applicationView';
import { evidenceElements } from './views/evidenceView';
import type { CardActionContext } from './actions/cardActionContext';
import type { CardInputs } from './actions/cardInputs';
import type { CardVerbs } from './actions/verbSpec';

/**
 * The acceptance review (DOMAIN stage 3): every section of the version submitted, what changed
 * since the previous version, and for the DARS contact or staff a comment input per section with
 * "Request amendments", or "Accept" with the NIC number.
 */
export function applicationReviewCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  const application = state.facts.application;
  const version = versionUnderReview(state);
  const submission = application.submissions[version - 1];
  const request = application.amendmentRequests[application.amendmentRequests.length - 1];
  const accepted = application.accepted;
  const amend = can('requestAmendments');
  const intro = !submission
    ? 'The application has not been submitted yet.'
    : `Version ${version}, submitted by ${submission.submitted.by.name} on ${dayOf(submission.submitted.at)}.${
        submission.changedSections.length > 0 ? ` Changed since version ${version - 1}: ${submission.changedSections.map((s) => sectionTitles[s]).join(', ')}.` : ''}`;
  const outcome = accepted
    ? { outcome: `Accepted by ${accepted.by.name} on ${dayOf(accepted.at)}: NIC number ${state.nicNumber ?? ''}.`, outcomeStyle: 'good' }
    : state.status === 'amendmentsRequested' && request
      ? { outcome: `${request.requested.by.name} asked for amendments to version ${request.version} on ${dayOf(request.requested.at)}: ${request.comments.map((c) => sectionTitles[c.section]).join(', ')}. Waiting for the applicant to resubmit.`, outcomeStyle: 'warning' }
      : { outcome: '', outcomeStyle: 'default' };
  return fitToBudget((fit) =>
    frameCard(
      template,
      { intro, ...outcome, sections: submission ? reviewSections(state, fit) : [], can: { amend, accept: can('acceptApplication') } },
      {
        state, viewer, now, options, title: 'Application acceptance review', card: 'applicationReview', actions: ['requestAmendments', 'acceptApplication'],
        extraBody: evidenceElements(state, options.fileLinks),
      },
    ),
  );
}

export const applicationReviewVerbs = {
  'application.requestAmendments': {
    command: 'requestAmendments',
    build: (i) => ({ comments: i.withPrefix('comment.').filter(([, comment]) => comment.trim() !== '').map(([section, comment]) => ({ section, comment })) }),
    // The card's per-section button, so the problem names what the reviewer sees.
    labels: { comments: 'Request changes' },
  },
  'application.accept': { command: 'acceptApplication', build: acceptApplication, labels: { nicNumber: 'Existing NIC number (leave empty for a new one)' } },
} as const satisfies CardVerbs;

/** The NIC number the bot took for the case (issued, or claimed as entered); else what was typed, for the schema to check. */
function acceptApplication(inputs: CardInputs, context: CardActionContext): Record<string, unknown> {
  return { nicNumber: context.nicNumber ?? inputs.text('nicNumber').trim().toUpperCase() };
}
