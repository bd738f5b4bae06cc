import { z } from 'zod';
import { recommendAssuranceLevel } from '../../rules/assuranceLevel';
import { checkSecurity } from '../../rules/security';
import { personRef } from '../commands/fields';
import { amendmentCommentSchema } from '../commands/shapes';
import { applicationProblems, assuranceFactsFor, securityEvidenceFor } from '../application/checks';
import { sectionSchemas, sectionTitles, type SectionName } from '../application/sections';
import { draftVersion, latestRevisionNumbers, sectionsChangedSince } from '../application/versions';
import { accept, refuse } from '../decision';
import type { EventOf } from '../events';
import { stampOf, withFacts } from '../evolve/helpers';
import { personOf } from '../roles';
import type { CaseState } from '../state/caseState';
import type { Deciders, Evolvers } from './handlers';

/** Stage 3, application: a DARS contact takes the case, the applicant writes and submits, DARS reviews. */

function saveSection<K extends SectionName>(section: K) {
  return z.object({ type: z.literal('saveApplicationSection'), section: z.literal(section), content: sectionSchemas[section] });
}

const saveApplicationSectionSchema = z.discriminatedUnion('section', [
  saveSection('objective'),
  saveSection('processingActivities'),
  saveSection('expectedOutcomes'),
  saveSection('commercialPurpose'),
  saveSection('dataRequested'),
  saveSection('controllersAndProcessors'),
  saveSection('legalBasis'),
  saveSection('ethicalApproval'),
  saveSection('securityAssurance'),
  saveSection('storageAndTerritory'),
  saveSection('patientObjections'),
  saveSection('transparency'),
  saveSection('subLicensing'),
  saveSection('dsaTerm'),
]);

export const applicationCommandSchemas = [
  z.object({
    type: z.literal('allocateDarsContact'),
    /** Absent: the actor takes the case ("take it"). */
    contact: personRef.optional(),
    /** A case already taken is only reassigned on purpose, so two clicks on "take it" cannot both win. */
    replace: z.boolean().optional(),
  }),
  saveApplicationSectionSchema,
  z.object({ type: z.literal('submitApplication') }),
  z.object({ type: z.literal('requestAmendments'), comments: z.array(amendmentCommentSchema).min(1, 'comment on at least one section') }),
  z.object({ type: z.literal('resubmitApplication') }),
  z.object({ type: z.literal('acceptApplication'), nicNumber: z.string().regex(/^NIC-\d{6}-[A-Z0-9]{5}$/, 'a NIC number like NIC-123456-AB1C2') }),
] as const;

export type ApplicationCommand = z.infer<(typeof applicationCommandSchemas)[number]>;

/** Stage 3, application (DOMAIN.md): a DARS contact takes it; the applicant writes; DARS accepts or asks for amendments. */
export const applicationDeciders: Deciders<ApplicationCommand> = {
  allocateDarsContact: (state, command, ctx) => {
    const reference = state.reference;
    const contact = command.contact ?? personOf(ctx.actor);
    const current = state.people.darsContact;
    const applicantSide = [state.people.applicant, ...state.people.members].some((person) => person.id === contact.id);
    if (applicantSide) return refuse('invalid', `${contact.name} is on the applicant’s side of ${reference}, so cannot be its DARS contact.`);
    if (current?.id === contact.id) return refuse('conflict', `${current.name} is already the DARS contact for ${reference}.`);
    // Two people pressing "take it" at once: the second sees who has it instead of taking it over.
    if (current && command.replace !== true) {
      return refuse('conflict', `${current.name} has already taken ${reference}. To hand it to someone else, use "reassign".`);
    }
    return accept([{ type: 'darsContactAllocated', contact, ...(current ? { previous: current } : {}) }]);
  },
  saveApplicationSection: (state, command) => {
    const application = state.facts.application;
    const revision = (application.sections[command.section]?.length ?? 0) + 1;
    return accept([{ type: 'applicationSectionSaved', section: command.section, content: command.content, revision, applicationVersion: draftVersion(application) }]);
  },
  submitApplication: (state, _command, ctx) => {
    const application = state.facts.application;
    const problems = applicationProblems(state, ctx.today, ctx.rules);
    if (problems.length > 0) return refuse('invalid', `The application cannot be submitted yet. ${problems.join(' ')}`);
    return accept([{ type: 'applicationSubmitted', version: draftVersion(application), sectionRevisions: latestRevisionNumbers(application) }]);
  },
  requestAmendments: (state, command) => accept([{ type: 'amendmentsRequested', version: state.facts.application.submissions.length, comments: command.comments }]),
  resubmitApplication: (state, _command, ctx) => {
    const application = state.facts.application;
    const previous = application.submissions.length;
    const changed = sectionsChangedSince(application, previous);
    if (changed.length === 0) {
      const asked = application.amendmentRequests[application.amendmentRequests.length - 1]?.comments.map((comment) => sectionTitles[comment.section]) ?? [];
      return refuse('invalid', `Nothing has changed since version ${previous}. Amend the sections DARS commented on (${asked.join(', ')}) and then resubmit.`);
    }
    const problems = applicationProblems(state, ctx.today, ctx.rules);
    if (problems.length > 0) return refuse('invalid', `The application cannot be resubmitted yet. ${problems.join(' ')}`);
    const version = previous + 1;
    return accept([{ type: 'applicationResubmitted', version, sectionRevisions: latestRevisionNumbers(application), changedSections: changed }]);
  },
  acceptApplication: (state, command, ctx) => {
    const facts = assuranceFactsFor(state);
    const recommendation = recommendAssuranceLevel(facts, ctx.rules);
    const security = checkSecurity(securityEvidenceFor(state), ctx.today, ctx.rules);
    return accept(
      [
        {
          type: 'applicationAccepted',
          version: state.facts.application.submissions.length,
          nicNumber: command.nicNumber,
          specialConditions: security.specialConditions.map((text) => ({ text, source: 'security' as const })),
        },
        { type: 'assuranceLevelRecommended', level: recommendation.level, label: recommendation.label, reasons: [...recommendation.reasons], facts },
      ],
    );
  },
};

/** A submission and a resubmission are recorded alike: the resubmission also says what changed. */
function submitted(state: CaseState, event: EventOf<'applicationSubmitted' | 'applicationResubmitted'>): CaseState {
  const application = state.facts.application;
  const changedSections = event.type === 'applicationResubmitted' ? event.changedSections : [];
  const submission = { version: event.version, sectionRevisions: event.sectionRevisions, changedSections, submitted: stampOf(event) };
  return withFacts(state, { application: { ...application, submissions: [...application.submissions, submission] } }, 'underAcceptanceReview');
}

export const applicationEvolvers: Evolvers<
  'darsContactAllocated' | 'applicationSectionSaved' | 'applicationSubmitted' | 'amendmentsRequested' | 'applicationResubmitted' | 'applicationAccepted'
> = {
  darsContactAllocated: (state, event) => {
    // Taking the case is what lets the applicant start writing (DOMAIN: allocated, then invited).
    const status = state.status === 'awaitingDarsContact' ? 'drafting' : state.status;
    return { ...state, status, people: { ...state.people, darsContact: event.contact } };
  },
  applicationSectionSaved: (state, event) => {
    const application = state.facts.application;
    const revisions = application.sections[event.section] ?? [];
    const revision = { section: event.section, revision: event.revision, applicationVersion: event.applicationVersion, content: event.content, saved: stampOf(event) };
    return withFacts(state, { application: { ...application, sections: { ...application.sections, [event.section]: [...revisions, revision] } } });
  },
  applicationSubmitted: submitted,
  applicationResubmitted: submitted,
  amendmentsRequested: (state, event) => {
    const application = state.facts.application;
    return withFacts(state, {
      application: { ...application, amendmentRequests: [...application.amendmentRequests, { version: event.version, comments: event.comments, requested: stampOf(event) }] },
    }, 'amendmentsRequested');
  },
  applicationAccepted: (state, event) => ({
    ...withFacts(state, {
      application: { ...state.facts.application, accepted: { ...stampOf(event), version: event.version } },
      specialConditions: [...state.facts.specialConditions, ...event.specialConditions],
    }, 'levelToConfirm'),
    nicNumber: event.nicNumber,
  }),
};
