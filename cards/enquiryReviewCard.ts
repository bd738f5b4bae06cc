import { includesGpData } from '../services/domain/enquiry/enquiry';
import type { CaseState } from '../services/domain/workflow';
import { clip, dayOf } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import { enquirySections } from './enquiryView';
import type { AdaptiveCard } from './render';
import template from './templates/enquiryReview.json';
import { questionViews } from './views/informationRequestsView';
import type { CardVerbs } from './actions/verbSpec';

/**
 * The triage channel's card for a new enquiry (DOMAIN stage 1): the enquiry, DARS's questions and
 * the applicant's answers, and — for DARS staff — request information, decline, or accept.
 */
export function enquiryReviewCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  const enquiry = state.facts.enquiry;
  const decision = state.facts.enquiryDecision;
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        applicantName: state.people.applicant.name,
        submittedOn: dayOf(state.openedAt),
        gpData: includesGpData(enquiry),
        sections: enquirySections(enquiry)
          .filter((section) => section.part !== 'purpose')
          .map((section) => ({ ...section, facts: section.facts.map((f) => ({ title: f.title, value: clip(f.value, fit.text) })) })),
        purpose: clip(enquiry.purpose, fit.text),
        questions: questionViews(state, fit),
        decision: !decision ? '' : decision.accepted
          ? `Accepted into preliminary assessment by ${decision.stamp.by.name} on ${dayOf(decision.stamp.at)}.`
          : `Declined by ${decision.stamp.by.name} on ${dayOf(decision.stamp.at)}.`,
        decisionStyle: decision?.accepted ? 'good' : 'warning',
        decisionDetail: decision && !decision.accepted
          ? clip(`${decision.reason ?? ''}\nWhere else to go: ${(decision.alternatives ?? []).join('; ')}`, fit.text)
          : '',
        can: { ask: can('requestInformation'), decline: can('declineEnquiry'), accept: can('acceptEnquiry') },
      },
      {
        state, viewer, now, options, title: 'Enquiry review', card: 'enquiryReview',
        actions: ['requestInformation', 'declineEnquiry', 'acceptEnquiry'],
      },
    ),
  );
}

/** The triage staff's three decisions on the enquiry. */
export const enquiryReviewVerbs = {
  'enquiry.requestInformation': { command: 'requestInformation', build: (i) => ({ question: i.text('question') }), labels: { question: 'Your question to the applicant' } },
  'enquiry.decline': { command: 'declineEnquiry', build: (i) => ({ reason: i.text('reason'), alternatives: i.lines('alternatives') }), labels: { reason: 'Why DARS cannot help', alternatives: 'Where else they could go' } },
  'enquiry.accept': { command: 'acceptEnquiry', build: () => ({}) },
} as const satisfies CardVerbs;
