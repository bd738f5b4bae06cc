import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { Browser, Locator } from 'playwright-core';

import { dsptPublished, isoDate } from '../teams/support/applicantJourney';
import { CardForm } from './support/cardForm';
import { launchChromium } from './support/chromium';
import { PlaygroundPage, screenshotDirectory } from './support/playgroundWindow';
import { PlaygroundProcess } from './support/playgroundProcess';
import { readmeApplication, readmeEnquiry } from './support/readmeCase';

/**
 * The README's "Try it as every person", step by step, in the three windows of
 * `npm run playground -- --signatory` as shipped, in headless Chromium: from `new enquiry` in
 * Priya's window to "access arranged" in Sam's. Buttons by title, inputs by their card id, so
 * that a change in a card's wording does not stop the walk; a screenshot after each step in
 * .artifacts/browser/whole-case/.
 *
 *   npm run test:browser:whole-case
 */

const directory = path.join(screenshotDirectory, 'whole-case');
const botPort = 39_791;
const question = 'Which trusts are in the study?';
const answer = 'All acute trusts in England that perform elective hip replacements.';

describe('The README journey, enquiry to access arranged, in three Agents Playground windows (headless Chromium)', function () {
  this.timeout(600_000);
  this.bail(true);
  let playground: PlaygroundProcess;
  let browser: Browser;
  let priya: PlaygroundPage;
  let sam: PlaygroundPage;
  let jordan: PlaygroundPage;
  let reference = '';

  before(async function () {
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    playground = await PlaygroundProcess.start({ bot: botPort, firstWindow: 56_180 }, { signatory: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await playground?.stop(path.join(directory, 'playground.log'));
  });

  /** The newest card with a button of this title in a window's conversation, once it has arrived. */
  async function arrived(window: PlaygroundPage, conversation: string, button: string): Promise<Locator> {
    await window.openConversation(conversation);
    const card = window.cardWithButton(button);
    await window.waitUntil(async () => (await card.count()) > 0, `a card with the button "${button}" in ${conversation}`, 60_000);
    await card.scrollIntoViewIfNeeded();
    return card;
  }

  it('1. the windows are open: Sam in General, Priya and Jordan in their personal chats', async () => {
    sam = await PlaygroundPage.open(browser, playground.url('staff'), 'sam', directory);
    await sam.openConversation('DARS - General');
    priya = await PlaygroundPage.open(browser, playground.url('applicant'), 'priya', directory);
    await priya.openConversation('Personal Chat');
    jordan = await PlaygroundPage.open(browser, playground.url('signatory'), 'jordan', directory);
    await jordan.openConversation('Personal Chat');
    await sam.screenshot('01-sam-general');
  });

  it('2. Priya makes the enquiry and submits it', async () => {
    for (const [typed, next] of readmeEnquiry) await priya.say(typed, next);
    await priya.press(priya.card('Submit enquiry'), 'Submit enquiry');
    const confirmation = priya.page.getByText(/DARS-\d{4}-\d{5}/).last();
    await confirmation.waitFor();
    reference = /DARS-\d{4}-\d{5}/.exec(await confirmation.innerText())![0];
    await priya.screenshot('02-priya-enquiry-submitted');
  });

  it('3. Sam asks a question in General, Priya answers in her chat, Sam accepts', async () => {
    const review = await arrived(sam, 'DARS - General', 'Request information');
    await sam.press(review, 'Request information');
    await new CardForm(review, 'enquiryReview').fill('question', question);
    await sam.press(review, 'Send question');
    await priya.waitUntil(async () => (await priya.page.getByText(question).count()) > 0, 'the question');
    await priya.screenshot('03a-priya-question');
    // Text typed while a question is open is a draft answer: the bot asks before sending it.
    await priya.say(answer, /Shall I send your last message as your answer/);
    await priya.say('yes', /your answer is with the DARS team/);
    // The card has no "Request information" button any more while the question is open.
    const answered = sam.card(reference);
    await sam.waitUntil(async () => (await answered.innerText()).includes(answer), 'the answer on the review card');
    await sam.screenshot('03b-sam-review-card-with-answer');
    await sam.press(sam.cardWithButton('Accept into preliminary assessment'), 'Accept into preliminary assessment');
  });

  it('4. Sam records the preliminary assessment; Priya confirms funding', async () => {
    const assessment = await arrived(sam, 'DARS - General', 'Record the assessment');
    await sam.press(assessment, 'Record the assessment');
    const form = new CardForm(assessment, 'preliminaryAssessment');
    await form.fill('agreements', 'Data Sharing Agreement: Jordan Lee');
    // The signatory by email: DARS Bot finds Jordan in the directory (the playground's people).
    await form.fill('signatoryEmail', 'jordan.lee@example-trust.nhs.example');
    await form.fill('signatoryOrganisation', 'Example NHS Trust');
    await form.fill('dsptCode', 'EE133863');
    await form.pick('dsptStatus', 'Standards Met');
    await form.fill('dsptPublishedOn', isoDate(dsptPublished));
    await form.fill('workingDays', '40');
    await form.fill('agreementYears', '3');
    await sam.screenshot('04a-sam-assessment-form');
    await sam.press(assessment, 'Record the assessment');
    await sam.waitUntil(async () => (await sam.cardWithButton('Revise the assessment').count()) > 0, 'the recorded assessment');
    await sam.screenshot('04b-sam-assessment-recorded');

    const funding = priya.cardWithButton('Confirm funding');
    await priya.waitUntil(async () => (await funding.count()) > 0, 'the funding card');
    await funding.scrollIntoViewIfNeeded();
    const fundingForm = new CardForm(funding, 'fundingConfirmation');
    await fundingForm.fill('fundingSource', 'NIHR grant NIHR123456');
    await fundingForm.fill('invoiceName', 'Priya Shah');
    await fundingForm.fill('invoiceEmail', 'priya.shah@example-university.ac.uk');
    await fundingForm.fill('billingAddress', 'Example University, 1 University Road, Leeds LS2 9JT');
    await priya.press(funding, 'Confirm funding');
    await priya.waitUntil(async () => (await priya.cardWithButton('Confirm funding').count()) === 0, 'the funding card confirmed');
    await priya.screenshot('04c-priya-funding-confirmed');
  });

  it('5. Sam marks it ready to apply and takes the case; Priya writes and submits the application; Sam accepts it', async () => {
    const assessment = await arrived(sam, 'DARS - General', 'Ready to apply');
    await sam.press(assessment, 'Ready to apply');
    const take = await arrived(sam, 'DARS - General', 'Take it');
    await sam.press(take, 'Take it');
    await sam.screenshot('05a-sam-took-the-case');
    for (const [typed, next] of readmeApplication) await priya.say(typed, next);
    await priya.screenshot('05b-priya-application-submitted');
    const review = await arrived(sam, 'DARS - General', 'Accept the application');
    await sam.press(review, 'Accept the application');
    // The NIC number box stays empty: DARS Bot issues a new one.
    await sam.press(review, 'Accept the application');
    await sam.screenshot('05c-sam-application-accepted');
  });

  it('6. Sam confirms the assurance level in Assurance and records each review', async () => {
    const level = await arrived(sam, 'DARS - Assurance', 'Confirm the level');
    await sam.press(level, 'Confirm the level');
    await sam.screenshot('06a-sam-assurance-level');
    // The assurance review comes with the level; AGD's and PAG's with it when the case needs them.
    for (const conversation of ['DARS - Assurance', 'AGD and PAG panels']) {
      await sam.openConversation(conversation);
      // Acts on the card as found: opening the channel again re-renders its list, and a card found
      // before that may be gone from the page when the walk looks for it.
      const review = sam.cardWithButton('Record the review');
      const open = sam.page.locator('.ac-adaptiveCard').filter({ has: sam.page.getByRole('button', { name: 'Record the review', exact: true }) });
      if (conversation === 'DARS - Assurance') await sam.waitUntil(async () => (await review.count()) > 0, 'the assurance review card', 60_000);
      for (let count = await open.count(); count > 0; count = await open.count()) {
        await review.scrollIntoViewIfNeeded();
        await new CardForm(review, 'review').choose('decision', 'supported');
        await sam.press(review, 'Record the review');
        // Recorded: the card loses its button (pressing again would be a second decision).
        await sam.waitUntil(async () => (await open.count()) < count, `the review recorded in ${conversation}`);
        await sam.screenshot(`06b-sam-review-recorded-${conversation.replace(/\W+/g, '-')}`);
      }
    }
  });

  it('7. Sam approves, generates and sends the DSA; Sam and Jordan sign it', async () => {
    const approval = await arrived(sam, 'Personal Chat', 'Approve');
    await sam.press(approval, 'Approve');
    const dsa = await arrived(sam, 'Personal Chat', 'Generate the DSA');
    await sam.press(dsa, 'Generate the DSA');
    await sam.screenshot('07a-sam-dsa-form');
    await sam.press(dsa, 'Generate the DSA');
    const send = await arrived(sam, 'Personal Chat', 'Send for signature');
    await sam.press(send, 'Send for signature');
    await sam.screenshot('07b-sam-dsa-sent');

    for (const [window, name] of [[sam, 'Sam Okafor'], [jordan, 'Jordan Lee']] as const) {
      // "Sign" shows the signature form (its "Sign the DSA" button is hidden until then).
      const signature = await arrived(window, 'Personal Chat', 'Sign');
      await window.screenshot(`07c-${name.split(' ')[0]!.toLowerCase()}-dsa-signature-card`);
      await window.press(signature, 'Sign');
      const sign = new CardForm(signature, 'dsaSignature');
      await sign.fill('typedName', name);
      await sign.tick('authorityConfirmed');
      await window.press(signature, 'Sign the DSA');
      // Sam's signed card loses its buttons; Jordan's signature completes the DSA, which step 8 sees.
      if (window === sam) await window.waitUntil(async () => (await window.cardWithButton('Sign').count()) === 0, 'the DSA signed');
      await window.screenshot(`07d-${name.split(' ')[0]!.toLowerCase()}-dsa-signed`);
    }
  });

  it('8. Jordan signs the service agreement; Sam marks access arranged', async () => {
    const agreement = await arrived(jordan, 'Personal Chat', 'Sign');
    await jordan.press(agreement, 'Sign');
    const sign = new CardForm(agreement, 'serviceAgreementSignature');
    await sign.fill('typedName', 'Jordan Lee');
    await sign.tick('authorityConfirmed');
    await jordan.press(agreement, 'Sign the service agreement');
    await jordan.screenshot('08a-jordan-service-agreement-signed');
    // The case's status card with its "Access arranged" button: Sam asks for it in General.
    await sam.openConversation('DARS - General');
    await sam.mention(`case ${reference}`, new RegExp(reference));
    const status = await arrived(sam, 'DARS - General', 'Access arranged');
    await sam.press(status, 'Access arranged');
    // Arranged: the case card no longer offers the button (the case is complete).
    await sam.waitUntil(async () => (await sam.cardWithButton('Access arranged').count()) === 0, 'the case at access arranged');
    await sam.card(reference).scrollIntoViewIfNeeded();
    await sam.screenshot('08b-sam-access-arranged');
    assert.ok(reference);
  });
});
