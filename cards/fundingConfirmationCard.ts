import { defaultRules } from '../services/domain/rules/defaultRules';
import type { CaseState } from '../services/domain/workflow';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/fundingConfirmation.json';
import { assessmentFacts, assessmentHeading, costFacts, latestAssessment } from './views/assessmentView';
import { fundingView } from './views/fundingView';
import type { CardVerbs } from './actions/verbSpec';

/**
 * The applicant's card after the preliminary assessment (DOMAIN stage 2): what DARS found, the
 * cost estimate as recorded (the figures they agree to, even if the tariff changes later), and
 * the funding source and payment details to confirm.
 */
export function fundingConfirmationCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  const rules = options.rules ?? defaultRules;
  const record = latestAssessment(state);
  const confirming = can('confirmFunding');
  const intro = confirming
    ? 'DARS has assessed your request. Please read the assessment and the estimated cost, then confirm how the work will be funded.'
    : state.status === 'awaitingFundingConfirmation'
      ? 'Waiting for the applicant to confirm funding.'
      : 'The preliminary assessment and the funding confirmed for it.';
  return fitToBudget((fit) =>
    frameCard(
      template,
      {
        intro,
        assessmentHeading: record ? assessmentHeading(record) : 'Not assessed yet.',
        assessment: record ? assessmentFacts(record, rules, fit.text) : [],
        cost: record ? costFacts(record.costEstimate) : { facts: [], note: '' },
        funding: fundingView(state, fit.text),
        can: { confirm: confirming },
      },
      { state, viewer, now, options, title: 'Preliminary assessment and funding', card: 'fundingConfirmation', actions: ['confirmFunding'] },
    ),
  );
}

export const fundingConfirmationVerbs = {
  'funding.confirm': {
    command: 'confirmFunding',
    build: (i) => ({
      fundingSource: i.text('fundingSource'),
      paymentDetails: {
        ...(i.optional('purchaseOrderNumber') ? { purchaseOrderNumber: i.optional('purchaseOrderNumber') } : {}),
        invoiceContact: { name: i.text('invoiceName'), email: i.text('invoiceEmail').trim() },
        billingAddress: i.text('billingAddress'),
      },
    }),
    labels: { fundingSource: 'Source of funding', 'paymentDetails.purchaseOrderNumber': 'Purchase order number', 'paymentDetails.invoiceContact.name': 'Who should receive the invoice', 'paymentDetails.invoiceContact.email': 'Their email', 'paymentDetails.billingAddress': 'Billing address' },
  },
} as const satisfies CardVerbs;
