import type { CaseState } from '../services/domain/workflow';
import { additionalAssuranceCard } from './additionalAssuranceCard';
import { amendmentsCard } from './amendmentsCard';
import { applicationInvitationCard } from './applicationInvitationCard';
import { applicationReviewCard, applicationReviewVerbs } from './applicationReviewCard';
import { approvalCard, approvalVerbs } from './approvalCard';
import { assuranceLevelCard, assuranceLevelVerbs } from './assuranceLevelCard';
import { caseStatusCard, caseStatusVerbs } from './caseStatusCard';
import { cohortFileCard, cohortFileVerbs } from './cohortFileCard';
import { dsaCard, dsaVerbs } from './dsaCard';
import { dsaSignatureCard, dsaSignatureVerbs } from './dsaSignatureCard';
import { earlyAdviceCard, earlyAdviceVerbs } from './earlyAdviceCard';
import { enquiryReviewCard, enquiryReviewVerbs } from './enquiryReviewCard';
import type { CardEffect, CardsTheEventsShow } from './events';
import { noVerbs, type CardVerbs } from './actions/verbSpec';
import type { CardOptions, CardViewer } from './frame/cardViewer';
import { fundingConfirmationCard, fundingConfirmationVerbs } from './fundingConfirmationCard';
import { informationRequestCard } from './informationRequestCard';
import { preliminaryAssessmentCard, preliminaryAssessmentVerbs } from './preliminaryAssessmentCard';
import type { AdaptiveCard } from './render';
import { reviewCard, reviewVerbs } from './reviewCard';
import { serviceAgreementSignatureCard, serviceAgreementSignatureVerbs } from './serviceAgreementSignatureCard';
import { takeCaseCard, takeCaseVerbs } from './takeCaseCard';

export type { CardOptions, CardViewer, DocumentRef } from './frame/cardViewer';
export { roleViewer } from './frame/cardViewer';

/** Every case card has this shape: rendered from the stored case, for one viewer, at a time. */
export type CaseCardBuilder = (state: CaseState, viewer: CardViewer, now: Date, options?: CardOptions) => AdaptiveCard;

/** A case card: its builder and the verbs of the buttons it draws (each in the card's own module). */
export interface CaseCard {
  readonly build: CaseCardBuilder;
  readonly verbs: CardVerbs;
}

/**
 * The card table: one entry per card, so the outbox worker can re-render any card by name, and
 * every button's verb is known with the card it sits on (verbs.ts joins them). `CardName` is its
 * keys. The `satisfies` is the check that every card an event shows (cards/events) has an entry:
 * a missing one is "Property 'x' is missing in type … but required in type
 * 'Readonly<Record<CardsTheEventsShow, CaseCard>>'".
 */
export const caseCards = {
  enquiryReview: { build: enquiryReviewCard, verbs: enquiryReviewVerbs },
  informationRequest: { build: informationRequestCard, verbs: noVerbs },
  preliminaryAssessment: { build: preliminaryAssessmentCard, verbs: preliminaryAssessmentVerbs },
  earlyAdvice: { build: earlyAdviceCard, verbs: earlyAdviceVerbs },
  fundingConfirmation: { build: fundingConfirmationCard, verbs: fundingConfirmationVerbs },
  takeCase: { build: takeCaseCard, verbs: takeCaseVerbs },
  applicationInvitation: { build: applicationInvitationCard, verbs: noVerbs },
  applicationReview: { build: applicationReviewCard, verbs: applicationReviewVerbs },
  amendments: { build: amendmentsCard, verbs: noVerbs },
  assuranceLevel: { build: assuranceLevelCard, verbs: assuranceLevelVerbs },
  review: { build: reviewCard, verbs: reviewVerbs },
  additionalAssurance: { build: additionalAssuranceCard, verbs: noVerbs },
  approval: { build: approvalCard, verbs: approvalVerbs },
  dsa: { build: dsaCard, verbs: dsaVerbs },
  dsaSignature: { build: dsaSignatureCard, verbs: dsaSignatureVerbs },
  serviceAgreementSignature: { build: serviceAgreementSignatureCard, verbs: serviceAgreementSignatureVerbs },
  cohortFile: { build: cohortFileCard, verbs: cohortFileVerbs },
  caseStatus: { build: caseStatusCard, verbs: caseStatusVerbs },
} as const satisfies Readonly<Record<CardsTheEventsShow, CaseCard>> & Readonly<Record<string, CaseCard>>;

export type CardName = keyof typeof caseCards;

/** Every card's name, in the table's order (after a withdrawal or closure they all re-render without actions). */
export const allCaseCards = Object.keys(caseCards) as [CardName, ...CardName[]];

/** A card effect naming a card of the table: what an outbox entry holds besides the workflow's own effects. */
export type CaseCardEffect = CardEffect<CardName>;

/**
 * Renders the named card for a viewer. `options.review` names which review card ("review"),
 * `options.party` which signatory ("dsaSignature"); a `card.refresh` carries both back.
 */
export function renderCaseCard(name: CardName, state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  return caseCards[name].build(state, viewer, now, options);
}
