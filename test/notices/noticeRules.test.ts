import assert from 'node:assert/strict';

import { noticesOf, withoutSilentNotices } from '../../bot/notices/decisionNotices';
import { eventPresentations, presentationOf, type Notice } from '../../cards/events';
import { evolve, type CaseEvent, type CaseEventType, type CaseState, type CaseStatus } from '../../services/domain/workflow';
import { enquiry, generateDsa, HASH_B, REFERENCE } from '../workflow/support/data';
import { caseAt, CaseDriver } from '../workflow/support/driver';
import { ada, asha, carl, dana, mo, pat, sam } from '../workflow/support/people';

/**
 * The notice rules, pure: every event type is either told to the people it concerns or
 * deliberately silent (the table's type makes tsc insist on an entry; this says which are
 * silent, and that every told event really tells someone, in words carrying what they need).
 */
const silent: readonly CaseEventType[] = [
  'enquirySubmitted', 'earlyAdviceRequested', 'applicationSectionSaved', 'assuranceLevelRecommended', 'dsaGenerated',
  'clockStarted', 'clockPaused', 'clockResumed', 'clockStopped', 'deadlineNoticeSent',
];

interface Told {
  readonly event: CaseEvent;
  readonly notices: Notice[];
}

/** Every event of the standard cases, each with the notices its rule gives on the case as it stood. */
function toldInCases(drivers: readonly CaseDriver[]): Told[] {
  return drivers.flatMap((driver) => {
    let state: CaseState | undefined;
    return driver.case.history.map((event) => {
      const before = state;
      state = evolve(state, event);
      return { event, notices: noticesOf(event, { before, after: state }) };
    });
  });
}

const at = (status: CaseStatus) => caseAt(status);
const recipients = (told: Told | undefined) => told?.notices.map((notice) => (typeof notice.to === 'string' ? notice.to : JSON.stringify(notice.to))) ?? [];
const textTo = (told: Told | undefined, recipient: string) => told?.notices.filter((notice) => notice.to === recipient).map((notice) => notice.text).join('\n') ?? '';

describe('Notice rules: who is told of each decision', () => {
  const withdrawn = at('withdrawn');
  const lapsed = at('awaitingSignatures');
  lapsed.do(carl, { type: 'signDsa', party: 'dataController', typedName: 'Carl Controller', authorityConfirmed: true, documentHash: 'a'.repeat(64) });
  lapsed.do(dana, generateDsa(HASH_B));
  lapsed.do(ada, { type: 'removeApplicantMember', memberId: mo.id });
  const advised = at('awaitingEarlyAdvice');
  advised.do(asha, { type: 'giveEarlyAdvice', advice: 'Likely, with *suppression* of small numbers.', likelyToBeSupported: true, actionsBeforeApplying: ['Get CAG support.'], shareWithApplicant: true });
  const notShared = at('awaitingEarlyAdvice');
  notShared.do(asha, { type: 'giveEarlyAdvice', advice: 'Internal view only.', likelyToBeSupported: false, actionsBeforeApplying: [] });
  const answered = at('awaitingEnquiryInformation');
  answered.do(ada, { type: 'answerInformationRequest', answer: '2020 to 2024.' });
  const refused = at('inReview');
  refused.do(pat, { type: 'recordReview', review: 'pag', outcome: { decision: 'notSupported', reason: 'Practices would be [identifiable](https://example.org).' } });
  const cases = [at('accessArranged'), at('enquiryDeclined'), at('notSupported'), at('dsaDeclined'), at('closed'), withdrawn, lapsed, advised, answered, at('amendmentsRequested'), refused, at('awaitingAdditionalAssurance')];
  const told = toldInCases(cases);
  const first = (type: CaseEventType, where: Told[] = told) => where.find((entry) => entry.event.type === type);

  it('every event type is either told to someone or deliberately silent', () => {
    const types = Object.keys(eventPresentations) as CaseEventType[];
    assert.deepEqual(types.filter((type) => presentationOf(type).notices === 'silent').sort(), [...silent].sort());
    const exercised = new Set(told.map((entry) => entry.event.type));
    for (const type of types.filter((candidate) => !silent.includes(candidate))) {
      if (type === 'applicationResubmitted' || type === 'additionalAssuranceProvided') continue; // exercised below and in the workflow tests
      assert.ok(exercised.has(type), `a standard case reaches ${type}`);
      for (const entry of told.filter((candidate) => candidate.event.type === type)) {
        assert.ok(entry.notices.length > 0, `${type} tells someone`);
        for (const notice of entry.notices) assert.ok(!notice.text.includes(REFERENCE), `${type}: the delivery names the case once, so the words do not repeat it`);
      }
    }
  });

  it('each review outcome reaches the applicant\'s team with its conditions, actions or reason', () => {
    const reviews = told.filter((entry) => entry.event.type === 'reviewRecorded');
    const withConditions = reviews.find((entry) => entry.event.type === 'reviewRecorded' && entry.event.outcome.decision === 'supportedWithConditions');
    assert.match(textTo(withConditions, 'applicantTeam'), /Advisory Group for Data \(AGD\) supports your application, with these conditions:\n\n- Publish the results openly\./);
    const actions = reviews.find((entry) => entry.event.type === 'reviewRecorded' && entry.event.outcome.decision === 'additionalAssuranceNeeded');
    assert.match(textTo(actions, 'applicantTeam'), /needs additional assurance[\s\S]*- Explain how re-identification is prevented\./);
    const notSupported = reviews.find((entry) => entry.event.type === 'reviewRecorded' && entry.event.outcome.decision === 'notSupported');
    assert.match(textTo(notSupported, 'applicantTeam'), /did not support your application, so it is closed\. The reason:\n\nPractices would be \\\[identifiable\\\]\(https\\:\/\/example\.org\)\./, 'the reason, as typed and inert');
    for (const entry of [withConditions, actions, notSupported]) assert.ok(recipients(entry).includes('darsContact'));
  });

  it('the applicant, who has no case card, is told why DARS declined, did not support or closed the case', () => {
    assert.match(textTo(first('enquiryDeclined'), 'applicantTeam'), /The reason:\n\nThe data is published openly\.[\s\S]*Where else you could go:\n\n- NHS England open data portal/);
    assert.match(textTo(first('assessmentNotSupported'), 'applicantTeam'), /The reason:\n\nThe purpose is not health or care\./);
    assert.match(textTo(first('caseClosed'), 'applicantTeam'), /The reason:\n\nNo reply from the applicant for six months\./);
    assert.match(textTo(first('caseWithdrawn'), 'darsContact'), /Funding was not awarded\./);
  });

  it('early advice reaches the applicant only when staff share it, with the advice and actions', () => {
    const shared = first('earlyAdviceGiven', toldInCases([advised]));
    assert.match(textTo(shared, 'applicantTeam'), /likely to be supported\. The advice:\n\nLikely, with \\\*suppression\\\* of small numbers\.\n\nWhat to do before applying:\n\n- Get CAG support\./);
    const kept = first('earlyAdviceGiven', toldInCases([notShared]));
    assert.deepEqual(recipients(kept), [JSON.stringify({ channel: 'triage' })], 'not shared: only DARS triage hears of it');
  });

  it('approval, each signature and access arranged are told to the applicant\'s team', () => {
    for (const type of ['applicationApproved', 'dsaSigned', 'dsaExecuted', 'accessArranged'] as const) assert.ok(recipients(first(type)).includes('applicantTeam'), type);
    assert.equal(told.filter((entry) => entry.event.type === 'dsaSigned').length >= 2, true, 'each signature is a decision of its own');
  });

  it('a decision whose every event is silent writes no notices entry (it would tell no one); any other keeps it', () => {
    const kinds = (effects: readonly { kind: string }[]) => effects.map((effect) => effect.kind);
    const driver = new CaseDriver();
    const submitted = driver.do(ada, { type: 'submitEnquiry', reference: REFERENCE, enquiry: enquiry() });
    assert.ok(kinds(submitted.effects).includes('eventNotices'), 'the workflow asks for the notices of every decision');
    assert.deepEqual(kinds(withoutSilentNotices(submitted.effects, submitted.events)), kinds(submitted.effects).filter((kind) => kind !== 'eventNotices'));
    assert.ok(kinds(withoutSilentNotices(submitted.effects, submitted.events)).includes('postCard'), 'the review card still goes to triage');
    const accepted = driver.do(sam, { type: 'acceptEnquiry' });
    assert.deepEqual(withoutSilentNotices(accepted.effects, accepted.events), accepted.effects);
  });
});
