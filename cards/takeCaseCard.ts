import { defaultRules } from '../services/domain/rules/defaultRules';
import type { CaseState } from '../services/domain/workflow';
import { dayOf } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/takeCase.json';
import { assessmentFacts, assessmentHeading, enquiryGist, latestAssessment } from './views/assessmentView';
import type { CardVerbs } from './actions/verbSpec';

/**
 * "Take it" (DOMAIN stage 3): the triage channel's card that allocates a DARS contact. Once
 * someone has it, other staff see who, and may take it over deliberately (a separate button, so
 * two people pressing "Take it" at once cannot both win).
 */
export function takeCaseCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer)('allocateDarsContact');
  const rules = options.rules ?? defaultRules;
  const contact = state.people.darsContact;
  const allocated = [...state.history].reverse().find((event) => event.type === 'darsContactAllocated');
  const record = latestAssessment(state);
  const isContact = contact?.id === viewer.id;
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        contact: contact
          ? { style: 'good', text: `${isContact ? 'You are' : `${contact.name} is`} the DARS contact${allocated ? ` (since ${dayOf(allocated.at)})` : ''}.` }
          : { style: 'attention', text: 'No DARS contact yet.' },
        gist: enquiryGist(state, fit.text),
        assessmentHeading: record ? assessmentHeading(record) : 'Not assessed.',
        assessment: record ? assessmentFacts(record, rules, fit.text) : [],
        takeOverTitle: contact ? `Take over from ${contact.name}` : '',
        can: { take: can && !contact, takeOver: can && contact !== undefined && !isContact },
      },
      { state, viewer, now, options, title: 'Take the case', card: 'takeCase', actions: ['allocateDarsContact'] },
    ),
  );
}

export const takeCaseVerbs = {
  'case.take': { command: 'allocateDarsContact', build: () => ({}) },
  'case.takeOver': { command: 'allocateDarsContact', build: () => ({ replace: true }) },
} as const satisfies CardVerbs;
