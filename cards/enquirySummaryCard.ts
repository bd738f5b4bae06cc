import type { Enquiry } from '../services/enquiry/enquiry';
import { enquirySections } from './enquiryView';
import { renderCard, type AdaptiveCard } from './render';
import template from './templates/enquirySummary.json';

/** The applicant's check-your-answers card: each part with a Change button, and Submit. */
export function enquirySummaryCard(enquiry: Enquiry): AdaptiveCard {
  return renderCard(template, { sections: enquirySections(enquiry) });
}

/** Verbs this card's buttons send (Action.Execute verb, or `data.verb` in the Submit fallback). */
export const enquirySummaryVerbs = { change: 'enquiryDraft.change', submit: 'enquiryDraft.submit' } as const;
