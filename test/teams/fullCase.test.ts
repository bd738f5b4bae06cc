import assert from 'node:assert/strict';

import { teamsFile } from '../journey/support/journeyChat';
import { assertEveryCardValid } from '../support/adaptiveCardCheck';
import { FileServer } from '../support/fileServer';
import { cardOf, readableText, teamsUser, type TeamsUser } from '../support/teams';
import { buttonsOf } from '../support/cardClicks';
import { answerInTurn, lastSaid, turn } from './support/applicantJourney';
import { submittedApplication, triage } from './support/caseSteps';
import { CaseWorld, cardText, newCast, type Cast, type Where } from './support/caseWorld';
import { untilDelivered } from './support/deliveries';

/**
 * Whole cases over HTTP, the way Teams drives the bot: the applicant in their 1:1 chat
 * (messages, cards sent to them, a file attachment); DARS staff, the DARS contact, the assurance
 * reviewer, PAG, an approver and both DSA signatories each acting only by pressing buttons on the
 * cards they were sent — in their staff channel or their own 1:1 chat — or by @mentioning the bot.
 * Each click carries what Teams would send: the inputs on the card, as the person filled them.
 */
describe('Whole cases in Teams, every person acting on their own cards (over HTTP)', function () {
  this.timeout(300_000);
  const cast: Cast = newCast();
  let world: CaseWorld;
  let files: FileServer;

  before(async () => {
    world = await CaseWorld.start('fullcase', cast);
    files = await FileServer.start();
  });

  after(async () => {
    if (world) assertEveryCardValid(world.connector);
    await world?.stop();
    await files?.close();
  });

  const me = (person: TeamsUser): Where => ({ person });
  /** The cards the bot sent the person in 1:1 (as first sent: a card updated in place may carry another summary). */
  const cardsSentTo = (person: TeamsUser, reference: string) =>
    world.connector.sentTo(person.aadObjectId).filter((activity) => cardOf(activity) && String(activity.summary ?? '').startsWith(`${reference}:`)).map((activity) => String(activity.summary).slice(reference.length + 2));

  it('takes a GP-data case from enquiry to access arranged', async () => {
    const { applicant, contact, assurance, pag, approver, nhseSignatory, controllerSignatory } = cast;
    const nic = 'NIC-654321-FC1A2';
    const chat = world.chat(applicant);
    const reference = await submittedApplication(world, cast, applicant, { question: 'Do you need GP data for every practice, or only practices in the North East?' });

    // Acceptance review: the DARS contact accepts, issuing the NIC number.
    await world.act(contact, 'application.accept', reference, { where: triage, inputs: { nicNumber: nic } });

    // Assurance: the reviewer confirms the recommended level; PAG and the assurance review decide.
    const level = await world.awaitCard(assurance, 'assurance.confirmLevel', reference, { channel: 'assurance' });
    assert.match(readableText(level), /Medium[\s\S]*The request includes GP data/);
    await world.decide(assurance, level, 'assurance.confirmLevel', reference);
    await world.act(pag, 'review.record', reference, { where: { channel: 'pag' }, inputs: { decision: 'supportedWithConditions', conditions: 'No GP practice may be identifiable in any output.' } });
    await world.act(assurance, 'review.record', reference, { where: { channel: 'assurance' }, inputs: { decision: 'supported' } });

    // Approval in the approver's chat; the DSA on the card sent to the DARS contact's chat.
    await world.act(approver, 'approval.approve', reference);
    const generated = await world.act(contact, 'dsa.generate', reference, { inputs: { cohortFileWithinWorkingDays: '20' } });
    assert.match(cardText(generated), /No GP practice may be identifiable in any output/, 'PAG\'s condition is a special condition of the DSA');
    await world.act(contact, 'dsa.send', reference);

    // Both signatories sign on the card in their own chat (the controller first); then the service agreement.
    await world.act(controllerSignatory, 'dsa.sign', reference, { inputs: { typedName: 'Carl Controller', authorityConfirmed: 'true' } });
    await world.act(nhseSignatory, 'dsa.sign', reference, { inputs: { typedName: 'Nina Signatory', authorityConfirmed: 'true' } });
    assert.equal((await world.record(reference)).status, 'arrangingAccess');
    await world.act(controllerSignatory, 'serviceAgreement.sign', reference, { inputs: { typedName: 'Carl Controller', authorityConfirmed: 'true' } });

    // The cohort file: the DARS contact sets when it is due (the latest the DSA allows); the applicant attaches it.
    await world.act(contact, 'cohortFile.setDue', reference);
    await world.awaitCardAbout(me(applicant), reference, /cohort file/);
    const name = `${nic}_cohort.csv`;
    const csv = 'UNIQUE REFERENCE,STATUS,DATE OF BIRTH\nP0001,add,1950-03-14\nP0002,add,1948-11-02\nP0003,add,1961-07-30\n';
    const attached = await chat.post({ type: 'message', text: '', attachments: [teamsFile(name, files.serve(name, csv))] });
    assert.match(attached.sent.map((sent) => readableText(sent)).join('\n'), new RegExp(`The cohort file ${name} passed every check: 3 rows`));

    // Nothing remains: the DARS contact asks for the case in triage and arranges access on its status card.
    const [status] = await world.channel(contact, 'triage').mention(`case ${reference}`);
    assert.ok(status && cardOf(status), 'the status card, in the thread');
    const arranged = await world.decide(contact, status, 'access.arrange', reference);
    assert.match(cardText(arranged), new RegExp(`Case ${reference}[\\s\\S]*Complete: access has been arranged`));

    const record = await world.record(reference);
    assert.equal(record.status, 'accessArranged');
    const state = await world.caseState(reference);
    assert.equal(state.nicNumber, nic);
    assert.deepEqual(state.facts.dsa?.signatures.map((signature) => [signature.party, signature.signer.id, signature.documentHash]), [
      ['dataController', controllerSignatory.aadObjectId, state.facts.dsa?.contentHash],
      ['nhse', nhseSignatory.aadObjectId, state.facts.dsa?.contentHash],
    ]);
    assert.equal(state.facts.access?.cohortFile.files[0]?.rows, 3);
    assert.match(lastSaid(await turn(chat, 'status')), new RegExp(`${reference}[\\s\\S]*access (has been )?arranged`, 'i'));
    await world.awaitMessage(me(applicant), new RegExp(`^\\*\\*${reference}\\*\\*: Access to the data has been arranged`));
    await world.awaitMessage(me(contact), new RegExp(`^\\*\\*${reference}\\*\\*: the cohort file was received \\(3 rows\\)`));

    // Each person was sent, in their own chat, the cards they needed.
    for (const card of ['information request', 'funding confirmation', 'application invitation', 'cohort file']) assert.ok(cardsSentTo(applicant, reference).includes(card), `the applicant got the ${card} card`);
    assert.ok(cardsSentTo(approver, reference).includes('approval'));
    assert.ok(cardsSentTo(contact, reference).includes('dsa') && cardsSentTo(contact, reference).includes('cohort file'));
    for (const signatory of [nhseSignatory, controllerSignatory]) assert.ok(cardsSentTo(signatory, reference).includes('the Data Sharing Agreement is ready for your signature'));
    assert.ok(cardsSentTo(controllerSignatory, reference).includes('service agreement signature'));

    // The case is over: every card it showed is updated in place with no live button, not left to `refresh`.
    await untilDelivered(world.database.db, reference);
    const finished = (where: Where, title: string) => world.seen(where).filter((activity) => String(activity.summary ?? '') === `${reference}: ${title}`);
    const takeCase = finished(triage, 'take case');
    const serviceAgreement = finished(me(controllerSignatory), 'service agreement signature');
    assert.ok(takeCase.length > 0 && serviceAgreement.length > 0);
    for (const card of [...takeCase, ...serviceAgreement]) assert.deepEqual(buttonsOf(cardOf(card)), [], readableText(card));
    assert.doesNotMatch(takeCase.map((card) => readableText(card)).join('\n'), /Take over from/);
    assert.doesNotMatch(serviceAgreement.map((card) => readableText(card)).join('\n'), /Next: arrange access/);
  });

  it('takes a GP-data case through amendments and PAG\'s additional assurance to approval', async () => {
    const { contact, assurance, pag, approver } = cast;
    const applicant = teamsUser('Bea Applicant');
    const chat = world.chat(applicant);
    await chat.say('hi');
    const reference = await submittedApplication(world, cast, applicant, { fundingInChat: true });

    // The DARS contact asks for amendments, with a comment on two sections.
    await world.act(contact, 'application.requestAmendments', reference, {
      where: triage,
      inputs: {
        'comment.expectedOutcomes': 'Say how the benefit will be measured, and by when.',
        'comment.dataRequested': 'Justify the GP practice follow-up date: it is sensitive.',
      },
    });
    const amendments = await world.awaitCardAbout(me(applicant), reference, /amendments/);
    assert.match(readableText(amendments), /Say how the benefit will be measured/);

    // The applicant amends both sections in chat, keeping the answers that stay, and resubmits.
    const opened = await turn(chat, 'amend');
    assert.match(readableText(opened[0]), /\*\*Expected outcomes and measurable benefits\*\*: Say how the benefit will be measured/);
    assert.match(readableText(opened[0]), /\*\*Data requested and minimisation\*\*: Justify the GP practice follow-up date/);
    const menu = await answerInTurn(chat, lastSaid(opened), [
      [/Which section do you want to change\?/, 'Expected outcomes and measurable benefits'],
      [/\*\*expected outcomes\*\*[\s\S]*Say \*\*keep\*\*/, 'keep'],
      [/\*\*measurable benefits\*\*/, 'Readmissions within 30 days down 5% within two years of the guidance, measured each quarter from HES.'],
      [/Changed so far: Expected outcomes and measurable benefits/, 'Data requested and minimisation'],
      [/\*\*datasets\*\*/, 'keep'],
      [/\*\*level\*\*/, 'keep'],
      [/\*\*years\*\*/, 'keep'],
      [/\*\*filters\*\*/, 'keep'],
      [/\*\*fields\*\*/, 'Admission date; Procedure code; GP practice follow-up date (sensitive): to see whether primary care contact before readmission differs'],
      [/\*\*under 16\*\*/, 'keep'],
    ]);
    assert.match(menu, /Changed so far: Expected outcomes and measurable benefits, Data requested and minimisation/);
    assert.match(lastSaid(await turn(chat, 'resubmit')), new RegExp(`Resubmitted: version 2 of the application for \\*\\*${reference}\\*\\* is with DARS`));

    // The DARS contact sees what changed on the review card, and accepts.
    const review = await world.awaitCard(contact, 'application.accept', reference, triage);
    assert.match(readableText(review), /Changed since version 1: Expected outcomes and measurable benefits, Data requested and minimisation/);
    assert.match(readableText(review), /\+ Measurable benefits: Readmissions within 30 days down 5%/);
    // The card in the channel names the DARS contact among the people whose Teams refreshes it to their own view.
    assert.ok((cardOf(review)?.refresh as { userIds?: string[] }).userIds?.includes(`29:${contact.aadObjectId}`));
    const ownView = await world.refresh(contact, review);
    assert.match(readableText(ownView), /Changed since version 1/);
    await world.decide(contact, ownView, 'application.accept', reference, { nicNumber: 'NIC-777777-GP7A2' });

    // PAG asks the applicant for more assurance; the applicant answers in chat; PAG then supports it.
    await world.act(assurance, 'assurance.confirmLevel', reference, { where: { channel: 'assurance' } });
    await world.act(pag, 'review.record', reference, { where: { channel: 'pag' }, inputs: { decision: 'additionalAssuranceNeeded', actions: 'Explain how no GP practice can be identified from the outputs.' } });
    const actions = await world.awaitCardAbout(me(applicant), reference, /additional assurance/);
    assert.match(readableText(actions), /Explain how no GP practice can be identified/);
    const asked = await turn(chat, 'assurance');
    assert.match(readableText(asked[0]), /1\. Explain how no GP practice can be identified from the outputs\./);
    assert.match(lastSaid(await turn(chat, 'Practice codes are removed before analysis and no output has fewer than 10 practices in a cell.')), /your response is with the Profession Advisory Group \(PAG\), which will now decide again/);
    const again = await world.awaitCard(pag, 'review.record', reference, { channel: 'pag' });
    assert.match(readableText(again), /Practice codes are removed before analysis/);
    await world.decide(pag, again, 'review.record', reference, { decision: 'supportedWithConditions', conditions: 'Outputs must not allow any GP practice to be identified.' });
    await world.act(assurance, 'review.record', reference, { where: { channel: 'assurance' }, inputs: { decision: 'supported' } });

    // Every review supports it: the approver approves, and the DARS contact is sent the DSA card.
    await world.act(approver, 'approval.approve', reference);
    await world.awaitCard(contact, 'dsa.generate', reference);
    const record = await world.record(reference);
    assert.equal(record.status, 'dsaToGenerate');
    const state = await world.caseState(reference);
    assert.deepEqual(state.facts.application.submissions.map((submission) => submission.changedSections), [[], ['expectedOutcomes', 'dataRequested']]);
    assert.deepEqual(state.facts.assurance?.reviews.pag?.rounds.map((round) => round.outcome.decision), ['additionalAssuranceNeeded', 'supportedWithConditions']);
    assert.deepEqual(state.facts.specialConditions.map((condition) => condition.text), ['Outputs must not allow any GP practice to be identified.']);
  });
});
