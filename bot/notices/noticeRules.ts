import { formatDate } from '../../services/domain/calendar/isoDate';
import { plural } from '../../services/domain/rules/reason';
import { evidenceKindNamesInSentence } from '../../services/domain/rules/evidence';
import { reviewNames, type ReviewKind } from '../../services/domain/rules/reviews';
import { partyNames } from '../../services/domain/workflow/commands/fields';
import type { ReviewOutcome } from '../../services/domain/workflow/commands/shapes';
import type { Recipient } from '../../services/domain/workflow/effects';
import type { CaseEventType, EventOf } from '../../services/domain/workflow/events';
import { sectionTitles } from '../../services/domain/workflow/application/sections';
import type { CaseState } from '../../services/domain/workflow/state/caseState';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * Who is told of each decision, and in which words: one rule per event type, outside the pure
 * workflow (which only says what happened). The table's type makes `tsc` fail when an event
 * type has no entry, so every kind of decision is either told to the people it concerns or
 * deliberately 'silent' (with the reason beside it).
 *
 * Text is chat Markdown: the bot's own words, with people's words (reasons, conditions, advice)
 * escaped by `plainInMarkdown` so they read exactly as typed. The delivery prefixes the case
 * reference in bold, drops the person who made the decision (they saw it in their own turn) and
 * joins what one person is told of one decision into one message.
 */
export interface Notice {
  readonly to: Recipient;
  readonly text: string;
}

/** The case just before the event and just after it (`before` is undefined for the first event). */
export interface NoticeContext {
  readonly before: CaseState | undefined;
  readonly after: CaseState;
}

export type NoticeRule<T extends CaseEventType> = (event: EventOf<T>, context: NoticeContext) => Notice[];
export type NoticeRules = { readonly [T in CaseEventType]: NoticeRule<T> | 'silent' };

const to = (recipient: Recipient, text: string): Notice => ({ to: recipient, text });
const quoted = (words: string): string => plainInMarkdown(words);
/** A Markdown list of what people typed, one per line. */
const listOf = (items: readonly string[]): string => items.map((item) => `- ${quoted(item)}`).join('\n');
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export const noticeRules: NoticeRules = {
  // Enquiry. The applicant who submits is answered in that turn; triage gets the review card.
  enquirySubmitted: 'silent',
  informationRequested: () => [to('applicant', 'DARS has a question about your enquiry. Answer it here and the team will carry on.')],
  informationProvided: () => [to({ channel: 'triage' }, 'the applicant answered DARS’s question.')],
  enquiryDeclined: (event) => [
    to('applicantTeam', [
      `DARS cannot take your enquiry further. The reason:\n\n${quoted(event.reason)}`,
      ...(event.alternatives.length > 0 ? [`Where else you could go:\n\n${listOf(event.alternatives)}`] : []),
    ].join('\n\n')),
  ],
  enquiryAccepted: () => [to('applicantTeam', 'Your enquiry has moved to preliminary assessment: DARS will work out with you how your data needs can be met.')],

  // Preliminary assessment.
  preliminaryAssessmentRecorded: (event) => [
    to('applicant', `DARS has ${event.assessmentVersion > 1 ? 'revised' : 'completed'} the preliminary assessment. Please read it and confirm how the work will be funded.`),
  ],
  // Assurance is asked on the early advice card posted in its channel.
  earlyAdviceRequested: 'silent',
  earlyAdviceGiven: (event) => {
    const likely = event.likelyToBeSupported ? 'likely to be supported' : 'not likely to be supported as proposed';
    const notices = [to({ channel: 'triage' }, `assurance has given early advice: ${likely}.`)];
    // Staff choose whether the applicant sees it (the early advice card's "share with the applicant").
    if (event.sharedWithApplicant === true) {
      const actions = event.actionsBeforeApplying.length > 0 ? `\n\nWhat to do before applying:\n\n${listOf(event.actionsBeforeApplying)}` : '';
      notices.push(to('applicantTeam', `Early advice on your request: it is ${likely}. The advice:\n\n${quoted(event.advice)}${actions}`));
    }
    return notices;
  },
  fundingConfirmed: () => [to({ channel: 'triage' }, 'the applicant confirmed funding and payment details.')],
  readyToApply: () => [to('applicantTeam', 'Your request is ready for a formal application. A DARS contact will be allocated and will invite you to write it.')],
  assessmentNotSupported: (event) => [to('applicantTeam', `DARS cannot support your request. The reason:\n\n${quoted(event.reason)}`)],

  // Application.
  darsContactAllocated: (event, { before }) => [
    to({ personId: event.contact.id }, 'You are now the DARS contact for this case.'),
    ...(event.previous ? [to({ personId: event.previous.id }, `${quoted(event.contact.name)} has taken over from you as the DARS contact.`)] : []),
    before?.status === 'awaitingDarsContact'
      ? to('applicantTeam', `${quoted(event.contact.name)} is your DARS contact. You can now write your application.`)
      : to('applicantTeam', `${quoted(event.contact.name)} is now your DARS contact.`),
  ],
  // A draft saved is the writer's own business until it is submitted.
  applicationSectionSaved: 'silent',
  applicationSubmitted: () => [
    to('darsContact', 'the application was submitted for acceptance review.'),
    to('applicantTeam', 'Your application was submitted. DARS will review it and may ask for amendments.'),
  ],
  amendmentsRequested: (event) => [
    to('applicantTeam', `DARS has asked for amendments to: ${event.comments.map((comment) => sectionTitles[comment.section]).join(', ')}. The comments are on the amendments card.`),
  ],
  applicationResubmitted: (event) => [
    to('darsContact', `version ${event.version} of the application was resubmitted; changed: ${event.changedSections.map((section) => sectionTitles[section]).join(', ')}.`),
  ],
  applicationAccepted: (event) => [to('applicantTeam', `Your application has been accepted, with NIC number ${event.nicNumber}. It now goes through assurance.`)],

  // Assurance and approval. The recommendation is on the card posted in the assurance channel.
  assuranceLevelRecommended: 'silent',
  assuranceLevelConfirmed: (event) => [
    to('darsContact', `the assurance level is confirmed as ${event.label}; the reviews needed: ${event.requiredReviews.map((review) => reviewNames[review.review]).join(', ')}.`),
  ],
  reviewRecorded: (event) => reviewNotices(event.review, event.outcome),
  additionalAssuranceProvided: (event) => [
    to({ channel: reviewChannel[event.review] }, 'the applicant responded to the additional assurance actions; the review can decide again.'),
  ],
  // The approvers are sent the approval card.
  assuranceCompleted: () => [to('darsContact', 'every required review supports the application; it is ready for approval.')],
  applicationApproved: () => [
    to('darsContact', 'the application is approved: generate the Data Sharing Agreement.'),
    to('applicantTeam', 'Your application has been approved. DARS will now prepare the Data Sharing Agreement.'),
  ],

  // Data Sharing Agreement. A new version is only told once it is sent: the signatories get its card.
  dsaGenerated: 'silent',
  dsaSignaturesLapsed: (event) =>
    event.signatures.map((signature) =>
      to({ personId: signature.signer.id }, `DSA version ${event.dsaVersion}, which you signed, has been replaced. Your signature has lapsed; you will be asked to sign the new version.`),
    ),
  dsaSent: (event) => [to('applicantTeam', `DSA version ${event.dsaVersion} has been sent to the signatories.`)],
  dsaSigned: (event) => [
    to('darsContact', `${partyNames[event.party]} signed DSA version ${event.dsaVersion}.`),
    to('applicantTeam', `${capitalise(partyNames[event.party])} signed the Data Sharing Agreement.`),
  ],
  dsaDeclined: (event) => [to('darsContact', `${partyNames[event.party]} declined DSA version ${event.dsaVersion}. The reason:\n\n${quoted(event.reason)}`)],
  dsaExecuted: (_event, { after }) => [
    to('applicantTeam', 'The Data Sharing Agreement is signed by both parties. DARS will now arrange access.'),
    // Each signatory learns the agreement is in force (the one who signed last acted, so is not told).
    ...(after.facts.dsa?.signatures ?? []).map((signature) => to({ personId: signature.signer.id }, 'The Data Sharing Agreement is now signed by both parties.')),
  ],

  // Access.
  serviceAgreementSigned: () => [to('darsContact', 'the service agreement is signed.')],
  cohortFileDueSet: (event) => [to('applicantTeam', `Please send the cohort file by ${formatDate(event.dueDate)}.`)],
  cohortFileReceived: (event) => [to('darsContact', `the cohort file was received (${plural(event.rows, 'row')}).`)],
  // Evidence: the DARS contact is told the kind, never the file's name (the applicant's words,
  // shown only as plain text on the review cards).
  evidenceAttached: (event) => [to('darsContact', `the applicant attached evidence (${evidenceKindNamesInSentence[event.kind]}).`)],
  accessArranged: () => [to('applicantTeam', 'Access to the data has been arranged. The case is complete.')],

  // Any stage.
  applicantMemberInvited: (event, { after }) => [to({ personId: event.member.id }, `${quoted(after.people.applicant.name)} added you to this DARS case.`)],
  applicantMemberRemoved: (event) => [to({ personId: event.member.id }, 'You are no longer a member of this DARS case.')],
  caseWithdrawn: (event) => [to('darsContact', `the applicant withdrew the case. The reason:\n\n${quoted(event.reason)}`)],
  caseClosed: (event) => [to('applicantTeam', `DARS has closed the case. The reason:\n\n${quoted(event.reason)}`)],

  // Deadlines: the clock is the bot's bookkeeping, shown on status; reminders and escalations are
  // their own outbox effect (deadlineNotice), so the notice event itself is silent here.
  clockStarted: 'silent',
  clockPaused: 'silent',
  clockResumed: 'silent',
  clockStopped: 'silent',
  deadlineNoticeSent: 'silent',
};

const reviewChannel: Readonly<Record<ReviewKind, 'assurance' | 'agd' | 'pag'>> = { assurance: 'assurance', agd: 'agd', pag: 'pag' };

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
