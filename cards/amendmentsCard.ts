import { latestRevision, sectionTitles, type CaseState } from '../services/domain/workflow';
import { clip, dayOf } from './frame/cardText';
import type { CardOptions, CardViewer } from './frame/cardViewer';
import { withChatStep } from './frame/chatStepButton';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/amendments.json';

/**
 * The applicant team's card when DARS asks for amendments (DOMAIN stage 3): the comment on each
 * section, and whether that section has been changed since. Amending happens in chat.
 */
export function amendmentsCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const application = state.facts.application;
  const request = application.amendmentRequests[application.amendmentRequests.length - 1];
  const resubmitted = request ? application.submissions.find((submission) => submission.version === request.version + 1) : undefined;
  const intro = !request
    ? 'DARS has not asked for amendments.'
    : resubmitted
      ? `You resubmitted the application as version ${resubmitted.version} on ${dayOf(resubmitted.submitted.at)}. DARS is reviewing it.`
      : `${request.requested.by.name} asked for amendments to version ${request.version} on ${dayOf(request.requested.at)}. Reply in this chat to change these sections, then resubmit.`;
  return fitToBudget((fit) =>
    withChatStep(frameCard(
      template,
      {
        intro,
        comments: (request?.comments ?? []).map((comment) => {
          const latest = latestRevision(application, comment.section);
          const changed = latest !== undefined && latest.applicationVersion > (request?.version ?? 0);
          return {
            title: sectionTitles[comment.section],
            comment: clip(comment.comment, fit.text),
            state: changed ? `Changed on ${dayOf(latest.saved.at)}.` : 'Not changed yet.',
            stateColor: changed ? 'Good' : 'Warning',
          };
        }),
      },
      { state, viewer, now, options, title: 'Amendments to your application', card: 'amendments', actions: [] },
    ), state, viewer, { key: 'resubmitApplication', title: 'Make the amendments', command: 'amend' }),
  );
}
