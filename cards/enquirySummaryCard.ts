import type { Enquiry } from '../services/domain/enquiry/enquiry';
import { enquirySections } from './enquiryView';
import { renderCard, type AdaptiveCard } from './render';
import template from './templates/enquirySummary.json';

/**
 * The applicant's check-your-answers card: each part with a Change button, and Submit. Once the
 * applicant has chosen (`finished` says what they chose), the same card without any button.
 */
export function enquirySummaryCard(enquiry: Enquiry, finished?: string): AdaptiveCard {
  return renderCard(template, {
    sections: enquirySections(enquiry),
    open: finished === undefined,
    intro: finished ?? 'Check your answers. Change any part, or submit the enquiry to the DARS team.',
  });
}

/** Verbs this card's buttons send (Action.Execute verb, or `data.verb` in the Submit fallback). */
export const enquirySummaryVerbs = { change: 'enquiryDraft.change', submit: 'enquiryDraft.submit' } as const;
