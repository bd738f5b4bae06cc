import { defaultRules } from '../services/domain/rules/defaultRules';
import type { CaseState } from '../services/domain/workflow';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/preliminaryAssessment.json';
import { assessmentFormValues } from './views/assessmentForm';
import { assessmentFacts, assessmentHeading, chargesTable, costFacts, enquiryGist, latestAssessment } from './views/assessmentView';
import { earlyAdviceViews } from './views/earlyAdviceView';
import { fundingView } from './views/fundingView';
import { assessmentCommand, assessmentLabels } from './actions/assessmentCommand';
import { reasonLabel, type CardVerbs } from './actions/verbSpec';

/**
 * The triage channel's preliminary assessment (DOMAIN stage 2): what DARS recorded, early advice,
 * the applicant's funding; for staff, the assessment form (every field of the command, starting
 * from the last version), early advice, ready to apply, or not supported.
 */
export function preliminaryAssessmentCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  const rules = options.rules ?? defaultRules;
  const record = latestAssessment(state);
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        gist: enquiryGist(state, fit.text),
        assessmentHeading: record ? assessmentHeading(record) : 'Not assessed yet.',
        assessment: record ? assessmentFacts(record, rules, fit.text) : [],
        cost: record ? costFacts(record.costEstimate) : { facts: [], note: '' },
        advice: earlyAdviceViews(state, fit),
        funding: fundingView(state, fit.text),
        recordTitle: record ? 'Revise the assessment' : 'Record the assessment',
        form: assessmentFormValues(state, rules),
        charges: chargesTable(rules, now),
        can: {
          record: can('recordPreliminaryAssessment'),
          advice: can('requestEarlyAdvice'),
          ready: can('markReadyToApply'),
          notSupported: can('markNotSupported'),
        },
      },
      {
        state, viewer, now, options, title: 'Preliminary assessment', card: 'preliminaryAssessment',
        actions: ['recordPreliminaryAssessment', 'requestEarlyAdvice', 'markReadyToApply', 'markNotSupported'],
      },
    ),
  );
}

export const preliminaryAssessmentVerbs = {
  'assessment.record': { command: 'recordPreliminaryAssessment', build: (i, context) => assessmentCommand(i, context.signatory), labels: assessmentLabels },
  'assessment.requestEarlyAdvice': { command: 'requestEarlyAdvice', build: (i) => ({ question: i.text('question') }), labels: { question: 'What should assurance advise on?' } },
  'assessment.readyToApply': { command: 'markReadyToApply', build: () => ({}) },
  'assessment.notSupported': { command: 'markNotSupported', build: (i) => ({ reason: i.text('reason') }), labels: reasonLabel('Why the request cannot be supported') },
} as const satisfies CardVerbs;
