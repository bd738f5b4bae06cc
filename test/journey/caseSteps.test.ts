import assert from 'node:assert/strict';

import { caseAt, newApplicant, TODAY } from './support/journeyCases';
import { JourneyWorld } from './support/journeyChat';

/**
 * The applicant's single-step journeys in chat, on the real workflow and store: answering DARS's
 * question, confirming funding, responding to additional assurance, withdrawing — and what the
 * chat says when the case is not at that step, or when there are several cases.
 */
describe('journey: answering, funding, assurance and withdrawing in chat', () => {
  let world: JourneyWorld;

  before(async () => {
    world = await JourneyWorld.open('journeySteps', TODAY);
  });

  it('answers DARS\'s question: shows it, checks the answer, records it, and the case goes back to review', async () => {
    const applicant = newApplicant('Priya Shah');
    const reference = await caseAt(world.commands, 'awaitingEnquiryInformation', applicant);
    const chat = world.chat(applicant);

    const opened = await chat.say('answer');
    assert.match(opened.replies[0]!, new RegExp(`DARS's question about \\*\\*${reference}\\*\\* \\(Sam Staff, 1 June 2026\\)`));
    assert.match(opened.replies[0]!, /> Which years of data do you need\?/);
    assert.match(opened.replies[1]!, /Type your answer/);

    const answered = await chat.say('April 2015 to March 2024, to cover the whole period before and after the new surgical guidance.');
    assert.equal(answered.typing, 1, 'a typing indicator before the slow step');
    assert.match(answered.replies[0]!, new RegExp(`Thank you: your answer is with the DARS team\\. \\*\\*${reference}\\*\\* is at enquiry, under review by DARS\\.`));

    const state = (await world.desk.get(reference))!;
    assert.equal(state.status, 'enquiryUnderReview');
    assert.equal(state.facts.informationRequests[0]?.answer, 'April 2015 to March 2024, to cover the whole period before and after the new surgical guidance.');
    assert.equal(state.facts.informationRequests[0]?.answered?.by.id, applicant.id);
  });

  it('takes an answer typed without "answer" first, once the person confirms it', async () => {
    const applicant = newApplicant('Tom Reid');
    const reference = await caseAt(world.commands, 'awaitingEnquiryInformation', applicant);
    const chat = world.chat(applicant);

    const offered = await chat.say('We need the years 2015 to 2024 inclusive.');
    assert.match(offered.replies[0]!, /DARS's question about/);
    assert.match(offered.replies[1]!, /Shall I send your last message as your answer\? \(yes \/ no\) \[yes\] \[no\]/);
    const sent = await chat.say('yes');
    assert.match(sent.replies[0]!, /your answer is with the DARS team/);
    assert.equal((await world.desk.get(reference))!.facts.informationRequests[0]?.answer, 'We need the years 2015 to 2024 inclusive.');
  });

  it('a turn Teams retries after a crash (same activity id) replays the decision instead of answering twice', async () => {
    const applicant = newApplicant('Uma Patel');
    const reference = await caseAt(world.commands, 'awaitingEnquiryInformation', applicant);
    const chat = world.chat(applicant);
    await chat.say('answer');
    const activity = { id: 'teams-activity-retried-1', text: 'All years from 2015.' };
    // The answer is committed, then the process dies before it saves the dialog state.
    const first = await chat.crashBeforeSavingNextTurn().send(activity);
    assert.match(first.replies[0]!, /your answer is with the DARS team/);
    const versionAfter = (await world.desk.get(reference))!.version;

    // A new process gets the same activity again, with the dialog still waiting for the answer.
    const retried = await chat.restart().send(activity);
    assert.match(retried.replies[0]!, /your answer is with the DARS team/, 'the person sees the same outcome');
    const state = (await world.desk.get(reference))!;
    assert.equal(state.version, versionAfter, 'nothing new was decided');
    assert.equal(state.history.filter((event) => event.type === 'informationProvided').length, 1);
  });

  it('confirms funding: shows the cost estimate, checks each answer with a specific message, then confirms after a review', async () => {
    const applicant = newApplicant('Grace Hopper');
    const reference = await caseAt(world.commands, 'awaitingFundingConfirmation', applicant);
    const chat = world.chat(applicant);

    const opened = await chat.say('funding');
    assert.match(opened.replies[0]!, new RegExp(`finished the preliminary assessment of \\*\\*${reference}\\*\\*`));
    assert.match(opened.replies[0]!, /Estimated cost: £1,431/);
    assert.match(opened.replies[1]!, /source of funding/);

    await chat.say('NIHR grant NIHR123456');
    await chat.say('none');
    await chat.say('Finance Office');
    const wrongEmail = await chat.say('finance at leeds');
    assert.deepEqual(wrongEmail.replies, ['"finance at leeds" is not an email address. Write it like "finance@example.ac.uk".']);
    await chat.say('finance@leeds.example.ac.uk');
    const review = await chat.say('Finance Office, University of Leeds, Leeds LS2 9JT');
    assert.match(review.replies[0]!, /- Source of funding: NIHR grant NIHR123456/);
    assert.match(review.replies[0]!, /- Purchase order: none/);
    assert.match(review.replies[0]!, /\[confirm\] \[change\]/);

    const confirmed = await chat.say('confirm');
    assert.match(confirmed.replies[0]!, new RegExp(`the funding for \\*\\*${reference}\\*\\* is confirmed\\. \\*\\*${reference}\\*\\* is at preliminary assessment, waiting for DARS to decide`));
    const state = (await world.desk.get(reference))!;
    assert.equal(state.status, 'assessmentComplete');
    assert.deepEqual(state.facts.funding?.paymentDetails, {
      invoiceContact: { name: 'Finance Office', email: 'finance@leeds.example.ac.uk' },
      billingAddress: 'Finance Office, University of Leeds, Leeds LS2 9JT',
    });
  });

  it('"change" at the funding review asks again, offering each answer to keep', async () => {
    const applicant = newApplicant('Hal Jordan');
    const reference = await caseAt(world.commands, 'awaitingFundingConfirmation', applicant);
    const chat = world.chat(applicant);
    await chat.say(`funding ${reference}`);
    for (const answer of ['Own budget', 'PO-778', 'Accounts', 'accounts@example.ac.uk', 'Leeds LS2 9JT']) await chat.say(answer);
    const again = await chat.say('change');
    assert.match(again.replies[1]!, /Now: _Own budget_\. Say \*\*keep\*\* to keep it\. \[keep\]/);
    await chat.say('Wellcome Trust award 223344');
    for (let i = 0; i < 4; i++) await chat.say('keep');
    await chat.say('confirm');
    const funding = (await world.desk.get(reference))!.facts.funding!;
    assert.equal(funding.fundingSource, 'Wellcome Trust award 223344');
    assert.equal(funding.paymentDetails.purchaseOrderNumber, 'PO-778');
  });

  it('responds to additional assurance: shows the actions and sends the response back to that review', async () => {
    const applicant = newApplicant('Ines Duarte');
    const reference = await caseAt(world.commands, 'awaitingAdditionalAssurance', applicant);
    const chat = world.chat(applicant);

    const opened = await chat.say('assurance');
    assert.match(opened.replies[0]!, new RegExp(`The assurance review needs more assurance on \\*\\*${reference}\\*\\* \\(Asha Assurance\\):`));
    assert.match(opened.replies[0]!, /1\. Explain how re-identification is prevented\./);
    const sent = await chat.say('Outputs are checked by two analysts and small numbers (under 10) are suppressed before release.');
    assert.match(sent.replies[0]!, /your response is with the assurance review, which will now decide again/);
    const state = (await world.desk.get(reference))!;
    assert.equal(state.status, 'inReview');
    assert.match(state.facts.assurance?.reviews.assurance?.rounds.at(-1)?.response?.text ?? '', /small numbers/);
  });

  it('withdraws only after a reason and a yes; "no" changes nothing', async () => {
    const applicant = newApplicant('Jon Snow');
    const reference = await caseAt(world.commands, 'drafting', applicant);
    const chat = world.chat(applicant);

    assert.match((await chat.say('withdraw')).replies.join('\n'), /Why are you withdrawing\?/);
    const confirm = await chat.say('The grant was not awarded.');
    assert.match(confirm.replies[0]!, new RegExp(`Withdraw \\*\\*${reference}\\*\\*\\? .* \\[yes\\] \\[no\\]`));
    assert.match((await chat.say('no')).replies[0]!, new RegExp(`Nothing has changed: \\*\\*${reference}\\*\\* is still open`));
    assert.equal((await world.desk.get(reference))!.status, 'drafting');

    await chat.say(`withdraw ${reference}`);
    await chat.say('The grant was not awarded.');
    const done = await chat.say('yes');
    assert.match(done.replies[0]!, new RegExp(`\\*\\*${reference}\\*\\* is withdrawn`));
    const state = (await world.desk.get(reference))!;
    assert.equal(state.status, 'withdrawn');
    assert.equal(state.facts.closure?.reason, 'The grant was not awarded.');
  });

  it('says what the case is waiting for when the step is not possible now (the workflow\'s own words)', async () => {
    const applicant = newApplicant('Kim Lee');
    const reference = await caseAt(world.commands, 'drafting', applicant);
    const chat = world.chat(applicant);
    const [reply] = (await chat.say('funding')).replies;
    assert.equal(
      reply,
      `**${reference}**: You can confirm the funding source and payment details only while the applicant is asked to confirm funding. ` +
        'This case is at application, being written by the applicant. Next: Complete and submit the application.',
    );
    assert.match((await chat.say('cohort file')).replies[0]!, /You can send the cohort file only while access is being arranged/);
  });

  it('with several open cases, uses the one where the step is possible, asks which when several are, and honours a typed reference', async () => {
    const applicant = newApplicant('Lena Berg');
    const drafting = await caseAt(world.commands, 'drafting', applicant);
    const asking = await caseAt(world.commands, 'awaitingEnquiryInformation', applicant);
    const chat = world.chat(applicant);

    // Only one of them has a question waiting: that one is used.
    assert.match((await chat.say('answer')).replies[0]!, new RegExp(`question about \\*\\*${asking}\\*\\*`));
    await chat.say('cancel');

    // Both can be withdrawn: the person chooses, by reference.
    const which = await chat.say('withdraw');
    assert.match(which.replies[0]!, /Which case do you want to withdraw\?/);
    assert.match(which.replies[0]!, new RegExp(`\\[${asking}\\] \\[${drafting}\\]|\\[${drafting}\\] \\[${asking}\\]`));
    assert.match((await chat.say('DARS-1999-00001')).replies[0]!, /Please choose one of/);
    assert.match((await chat.say(drafting)).replies[0]!, new RegExp(`withdraw \\*\\*${drafting}\\*\\*`));
    assert.match((await chat.say('cancel')).replies[0]!, /nothing has changed/i);

    // A reference typed with the command that is not theirs is named.
    assert.match((await chat.say('withdraw DARS-2026-99999')).replies[0]!, /I can't find DARS-2026-99999 among your cases/);
  });

  it('"status" in the middle of a step says where the person is, then asks the same question again', async () => {
    const applicant = newApplicant('Mia Wong');
    const reference = await caseAt(world.commands, 'awaitingFundingConfirmation', applicant);
    const chat = world.chat(applicant);
    await chat.say('funding');
    const status = await chat.say('status');
    assert.match(status.replies[0]!, new RegExp(`You are confirming the funding and payment details for ${reference}\\.`));
    assert.match(status.replies[0]!, new RegExp(`\\*\\*${reference}\\*\\*: At preliminary assessment, waiting for the applicant to confirm funding`));
    assert.match(status.replies[1]!, /source of funding/);
    const help = await chat.say('help');
    assert.match(help.replies[0]!, /Who pays for the work/);
  });
});
