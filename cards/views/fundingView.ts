import type { CaseState } from '../../services/domain/workflow';
import { dayOf, fact, type Fact } from '../frame/cardText';

/** The funding the applicant confirmed, or what the case is waiting for. */
export function fundingView(state: CaseState, max: number): { status: string; facts: Fact[] } {
  const funding = state.facts.funding;
  if (!funding) {
    return {
      status: state.status === 'awaitingFundingConfirmation' ? 'Waiting for the applicant to confirm the funding source and payment details.' : 'Not confirmed yet.',
      facts: [],
    };
  }
  const payment = funding.paymentDetails;
  return {
    status: `Confirmed by ${funding.confirmed.by.name} on ${dayOf(funding.confirmed.at)}.`,
    facts: [
      fact('Source of funding', funding.fundingSource, max),
      fact('Purchase order', payment.purchaseOrderNumber ?? ''),
      fact('Invoice contact', `${payment.invoiceContact.name}, ${payment.invoiceContact.email}`),
      fact('Billing address', payment.billingAddress, max),
    ],
  };
}
