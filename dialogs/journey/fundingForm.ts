import { z } from 'zod';

import { formatPounds } from '../../services/domain/rules/reason';
import type { CaseState } from '../../services/domain/workflow';
import type { PaymentDetails } from '../../services/domain/workflow/commands/shapes';
import type { Form } from '../forms/form';
import { emailAddress, optionalValue, text } from '../forms/readers';
import { commandField } from './commandFields';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * Confirming funding (DOMAIN.md stage 2) as a form over the confirmFunding command's own fields.
 */
export interface FundingContent {
  readonly fundingSource: string;
  readonly paymentDetails: PaymentDetails;
}

export const fundingForm: Form = {
  name: 'funding',
  title: 'Funding and payment details',
  schema: z.object({
    fundingSource: commandField('confirmFunding', 'fundingSource'),
    paymentDetails: commandField('confirmFunding', 'paymentDetails'),
  }),
  questions: [
    {
      key: 'fundingSource',
      label: 'Source of funding',
      ask: 'What is the **source of funding** for the work? For example "NIHR grant NIHR123456".',
      help: 'Who pays for the work and under what award: a grant (with its reference), a contract, or your organisation\'s own budget.',
      reader: text('NIHR grant NIHR123456'),
    },
    {
      key: 'paymentDetails.purchaseOrderNumber',
      label: 'Purchase order number',
      ask: 'What **purchase order number** should the invoice quote? Say **none** if you don\'t use one.',
      help: 'Many organisations\' finance teams need a purchase order (PO) number on every invoice. If yours does not, say "none".',
      reader: optionalValue(),
    },
    {
      key: 'paymentDetails.invoiceContact.name',
      label: 'Invoice contact',
      ask: 'Who should receive the **invoice**? Give the person or team\'s name, for example "Finance Office".',
      help: 'The person or team in your organisation who pays invoices.',
      reader: text('Finance Office'),
    },
    {
      key: 'paymentDetails.invoiceContact.email',
      label: 'Invoice contact email',
      ask: 'What is their **email address**?',
      help: 'Where NHS England sends the invoice, for example "finance@example.ac.uk".',
      reader: emailAddress(),
    },
    {
      key: 'paymentDetails.billingAddress',
      label: 'Billing address',
      ask: 'What is the **billing address**?',
      help: 'The postal address for the invoice, including the postcode.',
      reader: text('Finance Office, University of Leeds, Leeds LS2 9JT'),
    },
  ],
};

/** The cost estimate from the latest preliminary assessment, for the applicant to confirm against. */
export function costSummary(state: CaseState): string {
  const estimate = state.facts.assessments.at(-1)?.costEstimate;
  if (!estimate) return 'DARS has not recorded a cost estimate for this case.';
  const lines = estimate.lines.map((line) => `- ${line.description}: ${formatPounds(line.amountPence)}`);
  const total = `**Estimated cost: ${formatPounds(estimate.totalPence)}**${estimate.complete ? '' : ' (not the whole cost; see below)'}`;
  const notes = estimate.complete ? [] : estimate.reasons.map((reason) => `_${reason}_`);
  return [total, ...lines, ...notes].join('\n');
}

export function fundingSummary(content: FundingContent): string {
  const payment = content.paymentDetails;
  return [
    `- Source of funding: ${plainInMarkdown(content.fundingSource)}`,
    `- Purchase order: ${plainInMarkdown(payment.purchaseOrderNumber ?? 'none')}`,
    `- Invoice contact: ${plainInMarkdown(`${payment.invoiceContact.name}, ${payment.invoiceContact.email}`)}`,
    `- Billing address: ${plainInMarkdown(payment.billingAddress)}`,
  ].join('\n');
}
