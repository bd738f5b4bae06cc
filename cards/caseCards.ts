import type { CardName, CaseState } from '../services/domain/workflow';
import { additionalAssuranceCard } from './additionalAssuranceCard';
import { amendmentsCard } from './amendmentsCard';
import { applicationInvitationCard } from './applicationInvitationCard';
import { applicationReviewCard } from './applicationReviewCard';
import { approvalCard } from './approvalCard';
import { assuranceLevelCard } from './assuranceLevelCard';
import { caseStatusCard } from './caseStatusCard';
import { cohortFileCard } from './cohortFileCard';
import { dsaCard } from './dsaCard';
import { dsaSignatureCard } from './dsaSignatureCard';
import { earlyAdviceCard } from './earlyAdviceCard';
import { enquiryReviewCard } from './enquiryReviewCard';
import type { CardOptions, CardViewer } from './frame/cardViewer';
import { fundingConfirmationCard } from './fundingConfirmationCard';
import { informationRequestCard } from './informationRequestCard';
import { preliminaryAssessmentCard } from './preliminaryAssessmentCard';
import type { AdaptiveCard } from './render';
import { reviewCard } from './reviewCard';
import { serviceAgreementSignatureCard } from './serviceAgreementSignatureCard';
import { takeCaseCard } from './takeCaseCard';

export type { CardOptions, CardViewer, DocumentRef } from './frame/cardViewer';
export { roleViewer } from './frame/cardViewer';

/** Every case card has this shape: rendered from the stored case, for one viewer, at a time. */
export type CaseCardBuilder = (state: CaseState, viewer: CardViewer, now: Date, options?: CardOptions) => AdaptiveCard;

/** One builder per card the workflow names, so the outbox worker can re-render any card by name. */
export const caseCardBuilders: Readonly<Record<CardName, CaseCardBuilder>> = {
  enquiryReview: enquiryReviewCard,
  informationRequest: informationRequestCard,
  preliminaryAssessment: preliminaryAssessmentCard,
  earlyAdvice: earlyAdviceCard,
  fundingConfirmation: fundingConfirmationCard,
  takeCase: takeCaseCard,
  applicationInvitation: applicationInvitationCard,
  applicationReview: applicationReviewCard,
  amendments: amendmentsCard,
  assuranceLevel: assuranceLevelCard,
  review: reviewCard,
  additionalAssurance: additionalAssuranceCard,
  approval: approvalCard,
  dsa: dsaCard,
  dsaSignature: dsaSignatureCard,
  serviceAgreementSignature: serviceAgreementSignatureCard,
  cohortFile: cohortFileCard,
  caseStatus: caseStatusCard,
};

/**
 * Renders the named card for a viewer. `options.review` names which review card ("review"),
 * `options.party` which signatory ("dsaSignature"); a `card.refresh` carries both back.
 */
export function renderCaseCard(name: CardName, state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  return caseCardBuilders[name](state, viewer, now, options);
}
