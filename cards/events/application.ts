import { sectionTitles } from '../../services/domain/workflow';
import { postCard, quoted, sendCard, to, updateCards, type StagePresentations } from './presentation';

/** Stage 3, application: how its events are shown, told and read in the history. The first DARS contact is what invites the applicant to write. */
export const applicationEvents = {
  darsContactAllocated: {
    cards: (_event, { before }) => [
      updateCards('takeCase'),
      ...(before?.status === 'awaitingDarsContact' ? [sendCard('applicantTeam', 'applicationInvitation')] : []),
    ],
    notices: (event, { before }) => [
      to({ personId: event.contact.id }, 'You are now the DARS contact for this case.'),
      ...(event.previous ? [to({ personId: event.previous.id }, `${quoted(event.contact.name)} has taken over from you as the DARS contact.`)] : []),
      before?.status === 'awaitingDarsContact'
        ? to('applicantTeam', `${quoted(event.contact.name)} is your DARS contact. You can now write your application.`)
        : to('applicantTeam', `${quoted(event.contact.name)} is now your DARS contact.`),
    ],
    history: (event, who) => event.previous
      ? `${who} made ${event.contact.name} the DARS contact, in place of ${event.previous.name}.`
      : event.contact.id === event.actor.id ? `${who} took the case as its DARS contact.` : `${who} made ${event.contact.name} the DARS contact.`,
    readers: 'everyone',
  },
  applicationSectionSaved: {
    // A draft is the applicant's own until submitted: no card shows it.
    cards: 'none',
    // A draft saved is the writer's own business until it is submitted.
    notices: 'silent',
    history: (event, who) => `${who} saved “${sectionTitles[event.section]}” (revision ${event.revision}).`,
    readers: 'everyone',
  },
  applicationSubmitted: {
    cards: () => [postCard('triage', 'applicationReview')],
    notices: () => [
      to('darsContact', 'the application was submitted for acceptance review.'),
      to('applicantTeam', 'Your application was submitted. DARS will review it and may ask for amendments.'),
    ],
    history: (event, who) => `${who} submitted the application (version ${event.version}).`,
    readers: 'everyone',
  },
  amendmentsRequested: {
    cards: () => [updateCards('applicationReview'), sendCard('applicantTeam', 'amendments')],
    notices: (event) => [
      to('applicantTeam', `DARS has asked for amendments to: ${event.comments.map((comment) => sectionTitles[comment.section]).join(', ')}. The comments are on the amendments card.`),
    ],
    history: (event, who) => `${who} asked for amendments to version ${event.version}: ${event.comments.map((comment) => sectionTitles[comment.section]).join(', ')}.`,
    readers: 'everyone',
  },
  applicationResubmitted: {
    cards: () => [updateCards('applicationReview', 'amendments')],
    notices: (event) => [
      to('darsContact', `version ${event.version} of the application was resubmitted; changed: ${event.changedSections.map((section) => sectionTitles[section]).join(', ')}.`),
    ],
    history: (event, who) => `${who} resubmitted the application as version ${event.version}, changing ${event.changedSections.map((section) => sectionTitles[section]).join(', ')}.`,
    readers: 'everyone',
  },
  applicationAccepted: {
    cards: () => [updateCards('applicationReview'), postCard('assurance', 'assuranceLevel')],
    notices: (event) => [to('applicantTeam', `Your application has been accepted, with NIC number ${event.nicNumber}. It now goes through assurance.`)],
    history: (event, who) => `${who} accepted the application; NIC number ${event.nicNumber}.`,
    readers: 'everyone',
  },
} satisfies StagePresentations;
