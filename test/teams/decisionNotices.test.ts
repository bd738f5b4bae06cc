import assert from 'node:assert/strict';

import { buttonsOf } from '../support/cardClicks';
import { cardOf, readableText, type TeamsUser } from '../support/teams';
import { lastSaid, turn } from './support/applicantJourney';
import { submittedApplication, triage } from './support/caseSteps';
import { CaseWorld, newCast, type Cast, type Where } from './support/caseWorld';
import { untilDelivered } from './support/deliveries';

/**
 * Everyone hears what concerns them, once: a GP-data case through PAG with additional assurance
 * and then conditions, over HTTP. Every notice the connector stand-in received is counted per
 * person (and channel) per decision: each decision reaches the people it should exactly once,
 * and the person who made it is not told of their own action.
 */
describe('Notices of each decision, to the people it concerns, once (over HTTP)', function () {
  this.timeout(300_000);
  const cast: Cast = newCast();
  let world: CaseWorld;

  before(async () => {
    world = await CaseWorld.start('notices', cast);
  });

  after(async () => {
    await world?.stop();
  });

  /** The plain messages (not cards) about the case that a person or channel received. */
  const notices = (where: Where, reference: string): string[] =>
    world.seen(where).filter((activity) => !cardOf(activity)).map((activity) => readableText(activity)).filter((text) => text.startsWith(`**${reference}**:`));
  const count = (where: Where, reference: string, what: RegExp) => notices(where, reference).filter((text) => what.test(text)).length;

  it('tells the applicant, the DARS contact and PAG each review outcome with its conditions and actions, once each', async () => {
    const { applicant, contact, assurance, pag, approver } = cast;
    const chat = world.chat(applicant);
    const reference = await submittedApplication(world, cast, applicant);
    await world.act(contact, 'application.accept', reference, { where: triage, inputs: { nicNumber: 'NIC-246810-NT1A2' } });
    await world.act(assurance, 'assurance.confirmLevel', reference, { where: { channel: 'assurance' } });
    await world.act(pag, 'review.record', reference, { where: { channel: 'pag' }, inputs: { decision: 'additionalAssuranceNeeded', actions: 'Explain how no GP practice can be identified from the outputs.' } });
    await world.awaitCardAbout({ person: applicant }, reference, /additional assurance/);
    await turn(chat, 'assurance');
    assert.match(lastSaid(await turn(chat, 'Practice codes are removed before analysis.')), /your response is with the Profession Advisory Group/);
    const again = await world.awaitCard(pag, 'review.record', reference, { channel: 'pag' });
    await world.decide(pag, again, 'review.record', reference, { decision: 'supportedWithConditions', conditions: 'Outputs must not allow any GP practice to be identified.' });
    await world.act(assurance, 'review.record', reference, { where: { channel: 'assurance' }, inputs: { decision: 'supported' } });
    await world.act(approver, 'approval.approve', reference);
    await untilDelivered(world.database.db, reference);

    // The enquiry's summary card, whose step ended when it was submitted, was updated in that turn: no Change or Submit left.
    const summaries = world.seen({ person: applicant }).filter((activity) => /Your enquiry/.test(readableText(activity)) && cardOf(activity));
    assert.ok(summaries.length > 0);
    for (const summary of summaries) assert.deepEqual(buttonsOf(cardOf(summary)), [], readableText(summary));
    assert.match(readableText(summaries.at(-1)), /You submitted this enquiry to the DARS team/);

    const me = (person: TeamsUser): Where => ({ person });
    const expected: [Where, RegExp, number][] = [
      // Acceptance: the applicant, with the NIC number.
      [me(applicant), /has been accepted, with NIC number NIC-246810-NT1A2/, 1],
      // The level confirmed: the DARS contact hears which reviews run.
      [me(contact), /the assurance level is confirmed as .*Profession Advisory Group \(PAG\)/, 1],
      // PAG asks for additional assurance: the applicant hears the actions; the DARS contact hears it was asked.
      [me(applicant), /needs additional assurance[\s\S]*- Explain how no GP practice can be identified from the outputs\./, 1],
      [me(contact), /PAG\) asked the applicant for additional assurance/, 1],
      // The applicant's response: PAG's channel, once.
      [{ channel: 'pag' }, /the applicant responded to the additional assurance actions/, 1],
      // PAG supports with conditions: both sides hear the condition.
      [me(applicant), /\(PAG\) supports your application, with these conditions:\n\n- Outputs must not allow any GP practice to be identified\./, 1],
      [me(contact), /\(PAG\) supports the application, with these conditions:\n\n- Outputs must not allow any GP practice to be identified\./, 1],
      // The assurance review supports it, completing assurance: one message to the DARS contact for that decision.
      [me(applicant), /The assurance review supports your application\./, 1],
      [me(contact), /the assurance review supports the application\.\n\nevery required review supports the application; it is ready for approval\./, 1],
      // Approval: the applicant and the DARS contact.
      [me(applicant), /Your application has been approved/, 1],
      [me(contact), /the application is approved: generate the Data Sharing Agreement/, 1],
    ];
    for (const [where, what, times] of expected) assert.equal(count(where, reference, what), times, `${JSON.stringify(where)}: ${what.source}`);

    // Nobody is told of their own action: PAG's reviewer, the assurance reviewer and the approver acted by card only.
    for (const person of [pag, assurance, approver]) assert.deepEqual(notices(me(person), reference), [], `${person.name} is told nothing of their own decisions`);
    // Exactly once: no person or channel received the same notice twice in the whole case.
    for (const where of [...Object.values(cast).map(me), triage, { channel: 'assurance' as const }, { channel: 'pag' as const }]) {
      const received = notices(where, reference);
      assert.equal(new Set(received).size, received.length, `${JSON.stringify(where)} got a notice twice: ${received.join(' | ')}`);
    }
  });
});
