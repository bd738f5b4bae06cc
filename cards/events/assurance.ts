import { joinAnd, plural } from '../../services/domain/rules/reason';
import { reviewNames, type ReviewKind } from '../../services/domain/rules/reviews';
import type { ReviewOutcome } from '../../services/domain/workflow/commands/shapes';
import { capitalise, listOf, postCard, quoted, reviewChannel, sendCard, to, updateCards, type Notice, type StagePresentations } from './presentation';

/** A review's decision in the staff history ("…, for the assurance review, supported the application"). */
const decisions = {
  supported: 'supported the application',
  supportedWithConditions: 'supported the application with conditions',
  additionalAssuranceNeeded: 'asked the applicant for additional assurance',
  notSupported: 'did not support the application',
} as const;

/** The same in the applicant's history, where the review body is named and not the reviewer. */
const applicantDecisions = {
  supported: 'supported the application',
  supportedWithConditions: 'supported the application with conditions',
  additionalAssuranceNeeded: 'asked for additional assurance',
  notSupported: 'did not support the application',
} as const;

/** Stage 4, assurance, and approval: how their events are shown, told and read in the history. */
export const assuranceEvents = {
  assuranceLevelRecommended: {
    // Recorded with the acceptance, whose assurance level card shows it.
    cards: 'none',
    // The recommendation is on the card posted in the assurance channel.
    notices: 'silent',
    history: (event) => `DARS Bot recommended ${event.label} assurance: ${event.reasons.join(' ')}`,
    readers: 'staff',
  },
  assuranceLevelConfirmed: {
    cards: (event) => [
      updateCards('assuranceLevel'),
      ...event.requiredReviews.map((review) => postCard(reviewChannel[review.review], 'review', review.review)),
    ],
    notices: (event) => [
      to('darsContact', `the assurance level is confirmed as ${event.label}; the reviews needed: ${event.requiredReviews.map((review) => reviewNames[review.review]).join(', ')}.`),
    ],
    history: (event, who) => {
      const changed = event.level !== event.recommendedLevel ? ` (changed from the recommendation: ${event.reason ?? ''})` : '';
      return `${who} confirmed ${event.label} assurance${changed}; reviews: ${joinAnd(event.requiredReviews.map((review) => reviewNames[review.review]))}.`;
    },
    readers: 'everyone',
    applicantWords: (event) => `DARS set the level of assurance: ${event.label}.`,
  },
  reviewRecorded: {
    cards: (event) => [
      updateCards('review'),
      ...(event.outcome.decision === 'additionalAssuranceNeeded' ? [sendCard('applicantTeam', 'additionalAssurance')] : []),
    ],
    notices: (event) => reviewNotices(event.review, event.outcome),
    history: (event, who) => `${who}, for ${reviewNames[event.review]}, ${decisions[event.outcome.decision]}.`,
    readers: 'everyone',
    applicantWords: (event) => capitalise(`${reviewNames[event.review]} ${applicantDecisions[event.outcome.decision]}.`),
  },
  additionalAssuranceProvided: {
    cards: () => [updateCards('additionalAssurance', 'review')],
    notices: (event) => [
      to({ channel: reviewChannel[event.review] }, 'the applicant responded to the additional assurance actions; the review can decide again.'),
    ],
    history: (event, who) => `${who} responded to the additional assurance asked for by ${reviewNames[event.review]}.`,
    readers: 'everyone',
  },
  assuranceCompleted: {
    cards: () => [sendCard({ role: 'approver' }, 'approval')],
    // The approvers are sent the approval card.
    notices: () => [to('darsContact', 'every required review supports the application; it is ready for approval.')],
    history: (event) => `Assurance is complete: every required review supports the application${event.specialConditions.length > 0 ? `, with ${plural(event.specialConditions.length, 'special condition')}` : ''}.`,
    readers: 'everyone',
  },
  applicationApproved: {
    // The DARS contact generates and sends the DSA on this card (in the triage channel while no one is allocated).
    cards: () => [updateCards('approval'), sendCard('darsContact', 'dsa')],
    notices: () => [
      to('darsContact', 'the application is approved: generate the Data Sharing Agreement.'),
      to('applicantTeam', 'Your application has been approved. DARS will now prepare the Data Sharing Agreement.'),
    ],
    history: (_event, who) => `${who} approved the application.`,
    readers: 'everyone',
  },
} satisfies StagePresentations;

/** Each review outcome, told to the applicant's team and the DARS contact, with what it asks. */
function reviewNotices(review: ReviewKind, outcome: ReviewOutcome): Notice[] {
  const name = reviewNames[review];
  switch (outcome.decision) {
    case 'supported':
      return [to('applicantTeam', `${capitalise(name)} supports your application.`), to('darsContact', `${name} supports the application.`)];
    case 'supportedWithConditions': {
      const conditions = listOf(outcome.conditions);
      return [
        to('applicantTeam', `${capitalise(name)} supports your application, with these conditions:\n\n${conditions}`),
        to('darsContact', `${name} supports the application, with these conditions:\n\n${conditions}`),
      ];
    }
    case 'additionalAssuranceNeeded':
      return [
        to('applicantTeam', `${capitalise(name)} needs additional assurance before your application can go further. What to do:\n\n${listOf(outcome.actions)}\n\nSay **assurance** here to respond.`),
        to('darsContact', `${name} asked the applicant for additional assurance.`),
      ];
    case 'notSupported':
      return [
        to('applicantTeam', `${capitalise(name)} did not support your application, so it is closed. The reason:\n\n${quoted(outcome.reason)}`),
        to('darsContact', `the application was not supported by ${name}. The reason:\n\n${quoted(outcome.reason)}`),
      ];
  }
}
