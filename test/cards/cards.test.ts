import assert from 'node:assert/strict';

import { enquiryReviewCard } from '../../cards/enquiryReviewCard';
import { enquirySummaryCard } from '../../cards/enquirySummaryCard';
import type { Enquiry } from '../../services/domain/enquiry/enquiry';
import { cardProblems } from '../support/adaptiveCardCheck';
import { CaseDriver } from '../workflow/support/driver';
import { ada, sam } from '../workflow/support/people';
import { verbsOn, viewerOf } from './support/cardWalk';

/** An enquiry with long, realistic answers: what pushes cards towards Teams' size limit. */
const longEnquiry: Enquiry = {
  dataWanted: {
    datasets: [
      { code: 'HES-APC', name: 'Hospital Episode Statistics Admitted Patient Care', containsGpData: false },
      { code: 'GDPPR', name: 'General Practice Extraction Service Data for Pandemic Planning and Research', containsGpData: true },
      { code: 'CIVREG-DEATHS', name: 'Civil Registration (Deaths)', containsGpData: false },
    ],
    period: { from: '2015-04', to: '2025-03' },
    level: 'pseudonymised',
  },
  purpose: 'We will study how the timing of hip fracture surgery affects 30-day and one-year mortality. '.repeat(30).trim(),
  organisations: Array.from({ length: 8 }, (_, i) => ({
    name: `Partner Organisation Number ${i + 1} of the National Hip Fracture Collaboration`,
    role: i === 0 ? ('data controller' as const) : ('data processor' as const),
  })),
  readiness: { stage: 'funding bid', targetDate: '2027-09-30' },
};

describe('Enquiry cards', () => {
  it('the summary card parses as Adaptive Card 1.5 and stays within budget with long answers', () => {
    assert.deepEqual(cardProblems(enquirySummaryCard(longEnquiry)), []);
  });

  it('the triage review card, rendered from the stored case, parses as Adaptive Card 1.5, flags GP data, and stays within budget', () => {
    const d = new CaseDriver();
    d.do(ada, { type: 'submitEnquiry', reference: 'DARS-2026-00042', enquiry: longEnquiry });
    const card = enquiryReviewCard(d.case, viewerOf(sam, d.case), new Date('2026-06-02T10:00:00Z'));
    assert.deepEqual(cardProblems(card), []);
    assert.match(JSON.stringify(card), /Includes GP data/);
    assert.deepEqual(verbsOn(card), ['enquiry.requestInformation', 'enquiry.decline', 'enquiry.accept']);
  });

  it('the check finds a broken card (so it can fail)', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }], actions: [{ type: 'Action.Execute', title: 'Go' }] };
    const problems = cardProblems(broken);
    assert.ok(problems.some((p) => /TextBlok/.test(p)));
    assert.ok(problems.some((p) => /no verb/.test(p)));
    assert.ok(problems.some((p) => /fallback/.test(p)));
  });
});
