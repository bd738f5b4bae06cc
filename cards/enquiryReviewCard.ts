import { formatDate } from '../services/enquiry/dates';
import { includesGpData, type Enquiry } from '../services/enquiry/enquiry';
import { enquirySections } from './enquiryView';
import { renderCard, type AdaptiveCard } from './render';
import template from './templates/enquiryReview.json';

/** What the enquiry review card shows; everything comes from the stored case. */
export interface EnquiryReviewView {
  readonly caseId: string;
  readonly reference: string;
  /** The case version the card shows: a click on an older card is answered with the current one. */
  readonly version: number;
  readonly applicantName: string;
  readonly submittedAt: string;
  readonly enquiry: Enquiry;
  /** e.g. "Waiting for a decision; due 8 December 2026." */
  readonly statusLine: string;
}

/** The triage channel's card for a new enquiry: request information, decline, or accept. */
export function enquiryReviewCard(view: EnquiryReviewView): AdaptiveCard {
  return renderCard(template, {
    caseId: view.caseId,
    reference: view.reference,
    version: view.version,
    applicantName: view.applicantName,
    submittedOn: formatDate(view.submittedAt.slice(0, 10)),
    statusLine: view.statusLine,
    gpData: includesGpData(view.enquiry),
    sections: enquirySections(view.enquiry),
  });
}
