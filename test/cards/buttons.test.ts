import assert from 'node:assert/strict';
import { renderCaseCard, type CardOptions } from '../../cards/caseCards';
import { cardVerbs, isCardVerb } from '../../cards/verbs';
import type { Actor } from '../../services/domain/workflow';
import { type CardName } from '../../cards/caseCards';
import { abe, ada, asha, carl, gus, mo, nina, oscar, pat, sam } from '../workflow/support/people';
import { verbsOn, viewerOf } from './support/cardWalk';
import { at, staffDana } from './support/longCase';

/**
 * Who sees which buttons, card by card, at the step where the card matters. Everyone else gets
 * the same card read-only (the generic test shows no one sees a button the workflow would refuse).
 */
const NOW = new Date('2026-06-03T10:00:00Z');
const serviceAgreementDocument = { documentName: 'SDE service agreement v3.pdf', contentHash: 'e'.repeat(64) };

interface Expectation {
  readonly card: CardName;
  readonly step: string;
  readonly options?: CardOptions;
  readonly shows: ReadonlyArray<readonly [Actor, readonly string[]]>;
}

const expectations: readonly Expectation[] = [
  { card: 'enquiryReview', step: 'enquiryUnderReview', shows: [[sam, ['enquiry.requestInformation', 'enquiry.decline', 'enquiry.accept']], [ada, []], [mo, []], [asha, []], [oscar, []]] },
  { card: 'enquiryReview', step: 'awaitingEnquiryInformation', shows: [[sam, ['enquiry.decline']], [ada, []]] },
  { card: 'informationRequest', step: 'awaitingEnquiryInformation', shows: [[ada, []], [sam, []]] },
  { card: 'preliminaryAssessment', step: 'assessing', shows: [[sam, ['assessment.record', 'assessment.requestEarlyAdvice', 'assessment.notSupported']], [ada, []], [asha, []]] },
  { card: 'preliminaryAssessment', step: 'awaitingEarlyAdvice', shows: [[sam, ['assessment.notSupported']]] },
  { card: 'preliminaryAssessment', step: 'assessmentComplete', shows: [[sam, ['assessment.record', 'assessment.readyToApply', 'assessment.notSupported']], [ada, []]] },
  { card: 'earlyAdvice', step: 'awaitingEarlyAdvice', shows: [[asha, ['earlyAdvice.give']], [sam, []], [ada, []]] },
  { card: 'fundingConfirmation', step: 'awaitingFundingConfirmation', shows: [[ada, ['funding.confirm']], [mo, []], [sam, []]] },
  { card: 'takeCase', step: 'awaitingDarsContact', shows: [[sam, ['case.take']], [staffDana, ['case.take']], [ada, []], [asha, []]] },
  { card: 'takeCase', step: 'drafting', shows: [[sam, ['case.takeOver']], [staffDana, []], [ada, []]] },
  { card: 'applicationReview', step: 'underAcceptanceReview', shows: [[staffDana, ['application.requestAmendments', 'application.accept']], [sam, ['application.requestAmendments', 'application.accept']], [ada, []], [asha, []]] },
  { card: 'applicationReview', step: 'amendmentsRequested', shows: [[staffDana, []]] },
  { card: 'assuranceLevel', step: 'levelToConfirm', shows: [[staffDana, ['assurance.confirmLevel']], [asha, ['assurance.confirmLevel']], [ada, []], [pat, []]] },
  { card: 'review', step: 'inReview', options: { review: 'pag' }, shows: [[pat, ['review.record']], [asha, []], [gus, []], [ada, []]] },
  { card: 'review', step: 'inReview', options: { review: 'assurance' }, shows: [[asha, ['review.record']], [pat, []]] },
  { card: 'review', step: 'awaitingAdditionalAssurance', options: { review: 'assurance' }, shows: [[asha, []]] },
  { card: 'review', step: 'awaitingAdditionalAssurance', options: { review: 'agd' }, shows: [[gus, ['review.record']]] },
  { card: 'review', step: 'assuranceResponded', options: { review: 'assurance' }, shows: [[asha, ['review.record']]] },
  { card: 'approval', step: 'awaitingApproval', shows: [[abe, ['approval.approve']], [sam, []], [staffDana, []]] },
  { card: 'dsa', step: 'dsaToGenerate', shows: [[staffDana, ['dsa.generate']], [ada, []], [nina, []]] },
  { card: 'dsa', step: 'dsaGenerated', shows: [[staffDana, ['dsa.generate', 'dsa.send']]] },
  { card: 'dsa', step: 'awaitingSignatures', shows: [[staffDana, ['dsa.generate']]] },
  { card: 'dsa', step: 'dsaDeclined', shows: [[sam, ['dsa.generate', 'dsa.send']]] },
  { card: 'dsaSignature', step: 'dsaGenerated', shows: [[nina, []], [carl, []]] },
  { card: 'dsaSignature', step: 'awaitingSignatures', shows: [[nina, ['dsa.sign', 'dsa.decline']], [carl, ['dsa.sign', 'dsa.decline']], [sam, []], [ada, []]] },
  { card: 'dsaSignature', step: 'nhseSigned', shows: [[nina, []], [carl, ['dsa.sign', 'dsa.decline']]] },
  { card: 'dsaSignature', step: 'dsaDeclined', shows: [[nina, []], [carl, []]] },
  { card: 'serviceAgreementSignature', step: 'arrangingAccess', options: { serviceAgreementDocument }, shows: [[carl, ['serviceAgreement.sign']], [ada, []], [nina, []]] },
  { card: 'serviceAgreementSignature', step: 'arrangingAccess', shows: [[carl, []]] },
  { card: 'serviceAgreementSignature', step: 'cohortFileDue', options: { serviceAgreementDocument }, shows: [[carl, []]] },
  { card: 'cohortFile', step: 'arrangingAccess', shows: [[staffDana, ['cohortFile.setDue']], [ada, []]] },
  { card: 'cohortFile', step: 'cohortFileDue', shows: [[staffDana, ['cohortFile.setDue']], [ada, []]] },
  { card: 'cohortFile', step: 'accessReady', shows: [[staffDana, []], [ada, []]] },
  { card: 'caseStatus', step: 'enquiryUnderReview', shows: [[ada, ['case.withdraw']], [mo, []], [sam, ['case.close']], [oscar, []]] },
  { card: 'caseStatus', step: 'accessReady', shows: [[staffDana, ['access.arrange', 'case.close']], [ada, ['case.withdraw']]] },
  { card: 'caseStatus', step: 'accessArranged', shows: [[staffDana, []], [ada, []]] },
];

describe('buttons are shown only to those who may press them', () => {
  for (const { card, step, options, shows } of expectations) {
    const which = options?.review ? ` (${options.review})` : options?.serviceAgreementDocument ? ' (with the agreement)' : '';
    it(`${card}${which} at “${step}”: ${shows.map(([actor, verbs]) => `${actor.name.split(' ')[0] ?? ''} ${verbs.length > 0 ? verbs.join('+') : '—'}`).join(', ')}`, () => {
      const state = at(step);
      for (const [actor, verbs] of shows) {
        assert.deepEqual(verbsOn(renderCaseCard(card, state, viewerOf(actor, state), NOW, options ?? {})), verbs, `${actor.name} on ${card} at ${step}`);
      }
    });
  }

  it('each button sits on the card the verb table says it does (a click on an unrecorded card is answered with that card)', () => {
    for (const { card, step, options, shows } of expectations) {
      const state = at(step);
      for (const [actor] of shows) {
        for (const verb of verbsOn(renderCaseCard(card, state, viewerOf(actor, state), NOW, options ?? {}))) {
          assert.ok(isCardVerb(verb), `“${verb}” is in the verb table`);
          assert.equal(cardVerbs[verb].card, card, `${verb} on ${card} at ${step}`);
        }
      }
    }
  });

  it('a card posted to a channel shows the role’s buttons; the refresh then renders each person’s own view', () => {
    const state = at('enquiryUnderReview');
    const posted = renderCaseCard('enquiryReview', state, { id: '', roles: ['staff'] }, NOW, { refreshUserIds: Array.from({ length: 75 }, (_, i) => `29:user-${i}`) });
    assert.deepEqual(verbsOn(posted), ['enquiry.requestInformation', 'enquiry.decline', 'enquiry.accept']);
    const refresh = posted.refresh as { action: { verb: string; data: unknown }; userIds: string[] };
    assert.equal(refresh.action.verb, 'card.refresh');
    assert.deepEqual(refresh.action.data, { caseId: state.reference, card: 'enquiryReview' });
    assert.equal(refresh.userIds.length, 60, 'Teams refreshes at most 60 users automatically');
    const signature = renderCaseCard('dsaSignature', at('awaitingSignatures'), viewerOf(carl, at('awaitingSignatures')), NOW);
    assert.deepEqual((signature.refresh as { action: { data: unknown } }).action.data, { caseId: state.reference, card: 'dsaSignature', party: 'dataController' });
    const withoutIds = renderCaseCard('enquiryReview', state, viewerOf(sam, state), NOW);
    assert.equal((withoutIds.refresh as { userIds?: unknown }).userIds, undefined, 'without MRIs, Teams refreshes everyone in small conversations');
  });

  it('a notice explains a stale card or a refusal above the current card', () => {
    const state = at('assessing');
    const card = renderCaseCard('enquiryReview', state, viewerOf(sam, state), NOW, { notice: 'This case has moved on since you opened this card; here it is now.' });
    const body = card.body as { type: string; style?: string; items?: { inlines?: { text?: string }[] }[] }[];
    assert.equal(body[0]?.style, 'warning');
    assert.equal(body[0]?.items?.[0]?.inlines?.[0]?.text, 'This case has moved on since you opened this card; here it is now.');
    assert.deepEqual(verbsOn(card), [], 'the enquiry was accepted: nothing left to decide on it');
  });
});
