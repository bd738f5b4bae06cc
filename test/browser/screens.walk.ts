import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { Browser, Locator } from 'playwright-core';

import { FileServer } from '../support/fileServer';
import { teamsFile } from '../journey/support/journeyChat';
import { dsptPublished, isoDate } from '../teams/support/applicantJourney';
import { CardForm } from './support/cardForm';
import { launchChromium } from './support/chromium';
import { PlaygroundPage } from './support/playgroundWindow';
import { PlaygroundProcess } from './support/playgroundProcess';
import { playgroundWindow } from '../../local/playgroundWindows';
import { readmeApplication, readmeEnquiry } from './support/readmeCase';

/**
 * Issue 10's screenshot-level check: a whole case walked in the three Agents Playground windows
 * of `npm run playground -- --signatory`, with a screenshot of each thing a person must be able
 * to read (the welcome, status with history, the summary after Submit, the review cards folded
 * and with a refusal, the evidence checklist, the DSA signature card, the signed copy, a notice),
 * for a person to look at. Evidence is attached through the bot's own HTTP door (the playground
 * cannot attach files), as Teams would send it. Not a test of its own: the screenshots are.
 *
 *   npm run build --silent && SCREENS_DIR=/some/dir npx mocha --no-config --timeout 600000 --exit dist/test/browser/screens.walk.js
 */

const directory = process.env.SCREENS_DIR ?? path.resolve(__dirname, '..', '..', '..', '.artifacts', 'screens');
const botPort = 3978;
const firstWindow = 56_150;

describe('Screens: what each person sees, a whole case in the Agents Playground', function () {
  this.timeout(900_000);
  this.bail(true);
  let playground: PlaygroundProcess;
  let browser: Browser;
  let files: FileServer;
  let priya: PlaygroundPage;
  let sam: PlaygroundPage;
  let jordan: PlaygroundPage;
  let reference = '';

  before(async function () {
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    files = await FileServer.start();
    playground = await PlaygroundProcess.start({ bot: botPort, firstWindow }, { signatory: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await playground?.stop(path.join(directory, 'playground.log'));
    await files?.close();
  });

  async function arrived(window: PlaygroundPage, conversation: string, button: string): Promise<Locator> {
    await window.openConversation(conversation);
    const card = window.cardWithButton(button);
    await window.waitUntil(async () => (await card.count()) > 0, `a card with the button "${button}" in ${conversation}`, 60_000);
    await card.scrollIntoViewIfNeeded();
    return card;
  }

  /** The card alone, however tall (the page's scroll area would cut it). */
  async function shootCard(card: Locator, name: string): Promise<void> {
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: path.join(directory, `${name}.png`) });
  }

  /** A file Priya attaches in her chat, as Teams sends it to the bot (the playground cannot attach files). */
  async function attach(name: string, bytes: Buffer, words: string): Promise<void> {
    const applicant = playgroundWindow('applicant', firstWindow);
    const { currentUser, personalChat, tenantId } = applicant.config;
    const response = await fetch(`http://127.0.0.1:${botPort}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: applicant.serviceUrl,
        from: { id: currentUser.id, name: currentUser.name, aadObjectId: currentUser.aadObjectId },
        recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'DARS Bot' },
        conversation: { id: personalChat.id, conversationType: 'personal', tenantId },
        channelData: { tenant: { id: tenantId } },
        text: words,
        attachments: [teamsFile(name, files.serve(name, bytes, 'application/octet-stream'))],
      }),
    });
    if (response.status >= 300) throw new Error(`attaching ${name}: ${response.status} ${await response.text()}`);
  }

  /** A window, tried again when the page is slow to load on a busy machine. */
  async function open(window: 'applicant' | 'staff' | 'signatory', who: string): Promise<PlaygroundPage> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const opened = await PlaygroundPage.open(browser, playground.url(window), who, directory);
        opened.page.setDefaultTimeout(60_000);
        // Tall, so that a card's own screenshot is not cut by the conversation's scroll area.
        await opened.page.setViewportSize({ width: 1400, height: Number(process.env.SCREENS_HEIGHT ?? 2400) });
        return opened;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  it('01 the welcome on install in each window', async () => {
    sam = await open('staff', 'sam');
    priya = await open('applicant', 'priya');
    jordan = await open('signatory', 'jordan');
    for (const [window, name] of [[priya, 'priya'], [sam, 'sam'], [jordan, 'jordan']] as const) {
      await window.openConversation('Personal Chat');
      await window.waitUntil(async () => (await window.page.getByText(/DARS Bot|Data Access Request Service/).count()) > 0, 'the welcome');
      await window.page.waitForTimeout(1500);
      await window.screenshot(`01-${name}-welcome-personal`);
    }
    await sam.openConversation('DARS - General');
    await sam.page.waitForTimeout(1500);
    await sam.screenshot('01-sam-welcome-general');
  });

  it('02 Priya makes the enquiry; its summary after Submit', async () => {
    await priya.openConversation('Personal Chat');
    await priya.say('status', /status|case|enquir/i);
    await priya.screenshot('02a-priya-status-before-any-case');
    for (const [typed, next] of readmeEnquiry.slice(0, 3)) await priya.say(typed, next);
    await priya.say('status', /part|enquir/i);
    await priya.screenshot('02b-priya-status-part-way');
    for (const [typed, next] of readmeEnquiry.slice(3)) await priya.say(typed, next);
    const summary = priya.card('Submit enquiry');
    await shootCard(summary, '02c-priya-enquiry-summary-before-submit');
    await priya.press(priya.cardWithButton('Submit enquiry'), 'Submit enquiry');
    const confirmation = priya.page.getByText(/DARS-\d{4}-\d{5}/).last();
    await confirmation.waitFor();
    reference = /DARS-\d{4}-\d{5}/.exec(await confirmation.innerText())![0];
    await priya.page.waitForTimeout(2000);
    await priya.screenshot('02d-priya-enquiry-submitted');
    await shootCard(priya.card('Your enquiry'), '02e-priya-enquiry-summary-after-submit');
  });

  it('03 Sam reviews the enquiry: asks, Priya answers, Sam accepts', async () => {
    const review = await arrived(sam, 'DARS - General', 'Request information');
    await shootCard(review, '03a-sam-enquiry-review-card');
    await sam.press(review, 'Request information');
    await new CardForm(review, 'enquiryReview').fill('question', 'Which trusts are in the study?');
    await shootCard(review, '03b-sam-enquiry-review-question-form');
    await sam.press(review, 'Send question');
    await priya.waitUntil(async () => (await priya.page.getByText('Which trusts are in the study?').count()) > 0, 'the question');
    await priya.screenshot('03c-priya-question');
    await priya.say('All acute trusts in England that perform elective hip replacements.', /Shall I send your last message as your answer/);
    await priya.say('yes', /your answer is with the DARS team/);
    await priya.screenshot('03d-priya-answer-sent');
    await sam.page.waitForTimeout(2000);
    await shootCard(sam.cardWithButton('Accept into preliminary assessment'), '03e-sam-enquiry-review-with-answer');
    await sam.press(sam.cardWithButton('Accept into preliminary assessment'), 'Accept into preliminary assessment');
    await sam.page.waitForTimeout(2000);
    await shootCard(sam.card(reference).first(), '03f-sam-enquiry-review-after-accept');
  });

  it('04 Sam records the preliminary assessment asking for ethics and CAG letters; Priya confirms funding', async () => {
    const assessment = await arrived(sam, 'DARS - General', 'Record the assessment');
    await shootCard(assessment, '04a-sam-assessment-card');
    await sam.press(assessment, 'Record the assessment');
    const form = new CardForm(assessment, 'preliminaryAssessment');
    await form.fill('agreements', 'Data Sharing Agreement: Jordan Lee');
    await form.fill('signatoryEmail', 'jordan.lee@example-trust.nhs.example');
    await form.fill('signatoryOrganisation', 'Example NHS Trust');
    await form.fill('dsptCode', 'EE133863');
    await form.pick('dsptStatus', 'Standards Met');
    await form.fill('dsptPublishedOn', isoDate(dsptPublished));
    await form.fill('workingDays', '40');
    await form.fill('agreementYears', '3');
    for (const title of [/Ethics approval/, /s251 support \(CAG\)/]) await assessment.getByRole('checkbox', { name: title }).first().check();
    await shootCard(assessment, '04b-sam-assessment-form');
    await sam.press(assessment, 'Record the assessment');
    await sam.waitUntil(async () => (await sam.cardWithButton('Revise the assessment').count()) > 0, 'the recorded assessment');
    await shootCard(sam.cardWithButton('Revise the assessment'), '04c-sam-assessment-recorded');

    const funding = priya.cardWithButton('Confirm funding');
    await priya.waitUntil(async () => (await funding.count()) > 0, 'the funding card');
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('04d-priya-funding-notice');
    await shootCard(funding, '04e-priya-funding-card');
    const fundingForm = new CardForm(funding, 'fundingConfirmation');
    await fundingForm.fill('fundingSource', 'NIHR grant NIHR123456');
    await fundingForm.fill('invoiceName', 'Priya Shah');
    await fundingForm.fill('invoiceEmail', 'priya.shah@example-university.ac.uk');
    await fundingForm.fill('billingAddress', 'Example University, 1 University Road, Leeds LS2 9JT');
    await priya.press(funding, 'Confirm funding');
    await priya.waitUntil(async () => (await priya.cardWithButton('Confirm funding').count()) === 0, 'the funding card confirmed');
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('04f-priya-funding-confirmed');
  });

  it('05 ready to apply; Priya writes the application, attaches the letters, submits', async () => {
    const assessment = await arrived(sam, 'DARS - General', 'Ready to apply');
    await sam.press(assessment, 'Ready to apply');
    const take = await arrived(sam, 'DARS - General', 'Take it');
    await shootCard(take, '05a-sam-take-the-case-card');
    await sam.press(take, 'Take it');
    await sam.page.waitForTimeout(2000);
    await shootCard(sam.card(reference).last(), '05b-sam-took-the-case');
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('05c-priya-application-invitation');
    const writing = readmeApplication.slice(0, -2);
    const submitting = readmeApplication.slice(-2);
    for (const [typed, next] of writing) await priya.say(typed, next);
    await priya.screenshot('05d-priya-all-sections-written');
    await priya.say('submit application', /cannot be submitted yet|evidence/i);
    await priya.screenshot('05e-priya-submission-held-for-evidence');
    await attach('ethics-approval-24-YH-0001.pdf', Buffer.from('%PDF-1.7\n% Ethics approval: Leeds East REC 24/YH/0001\n%%EOF\n', 'latin1'), 'ethics approval letter');
    await priya.waitUntil(async () => (await priya.page.getByText(/Kept ethics/).count()) > 0, 'the ethics letter kept');
    await attach('CAG support letter.pdf', Buffer.from('%PDF-1.7\n% CAG support 24/CAG/0001\n%%EOF\n', 'latin1'), 'CAG (s251) support letter');
    await priya.waitUntil(async () => (await priya.page.getByText(/Kept CAG/).count()) > 0, 'the CAG letter kept');
    await priya.page.waitForTimeout(1000);
    await priya.screenshot('05f-priya-evidence-attached');
    await priya.say('evidence', /Open the|Ethics approval letter/);
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('05g-priya-evidence-checklist');
    const checklist = priya.page.locator('.ac-adaptiveCard').filter({ has: priya.page.getByRole('button', { name: /^Open / }) }).last();
    if ((await checklist.count()) > 0) await shootCard(checklist, '05h-priya-evidence-checklist-card');
    for (const [typed, next] of submitting) await priya.say(typed, next);
    await priya.screenshot('05i-priya-application-submitted');
    await priya.say('status', /DARS-/);
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('05j-priya-status-with-history');
    await priya.say('history', /DARS-/);
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('05k-priya-history');
  });

  it('06 Sam reviews the application: folded sections, a "Request changes" toggle, a refusal beside its button, evidence; accepts', async () => {
    const review = await arrived(sam, 'DARS - General', 'Accept the application');
    await shootCard(review, '06a-sam-application-review-folded');
    const show = review.getByRole('button', { name: 'Show', exact: true }).first();
    if ((await show.count()) > 0) await show.click();
    const changes = review.getByRole('button', { name: 'Request changes', exact: true }).first();
    if ((await changes.count()) > 0) await changes.click();
    await shootCard(review, '06b-sam-application-review-section-open');
    await sam.press(review, 'Request amendments');
    await sam.page.waitForTimeout(3000);
    await shootCard(sam.cardWithButton('Accept the application'), '06c-sam-application-review-refusal');
    await sam.screenshot('06d-sam-application-review-refusal-page');
    const again = sam.cardWithButton('Accept the application');
    await sam.press(again, 'Accept the application');
    await shootCard(again, '06e-sam-accept-form');
    await sam.press(again, 'Accept the application');
    await sam.page.waitForTimeout(2000);
    await sam.screenshot('06f-sam-application-accepted');
  });

  it('07 assurance level and reviews (the evidence on the review cards)', async () => {
    const level = await arrived(sam, 'DARS - Assurance', 'Confirm the level');
    await shootCard(level, '07a-sam-assurance-level-card');
    await sam.press(level, 'Confirm the level');
    let shot = 0;
    for (const conversation of ['DARS - Assurance', 'AGD and PAG panels']) {
      await sam.openConversation(conversation);
      const review = sam.cardWithButton('Record the review');
      const open = sam.page.locator('.ac-adaptiveCard').filter({ has: sam.page.getByRole('button', { name: 'Record the review', exact: true }) });
      if (conversation === 'DARS - Assurance') await sam.waitUntil(async () => (await review.count()) > 0, 'the assurance review card', 60_000);
      for (let count = await open.count(); count > 0; count = await open.count()) {
        shot += 1;
        await shootCard(review, `07b-sam-review-card-${shot}`);
        await new CardForm(review, 'review').choose('decision', 'supported');
        await sam.press(review, 'Record the review');
        await sam.waitUntil(async () => (await open.count()) < count, `the review recorded in ${conversation}`);
      }
    }
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('07c-priya-review-notices');
  });

  it('08 approval and the DSA: the signature card with its document link, the signed copy', async () => {
    const approval = await arrived(sam, 'Personal Chat', 'Approve');
    await shootCard(approval, '08a-sam-approval-card');
    await sam.press(approval, 'Approve');
    const dsa = await arrived(sam, 'Personal Chat', 'Generate the DSA');
    await sam.press(dsa, 'Generate the DSA');
    await shootCard(dsa, '08b-sam-dsa-form');
    await sam.press(dsa, 'Generate the DSA');
    const send = await arrived(sam, 'Personal Chat', 'Send for signature');
    await shootCard(send, '08c-sam-dsa-generated');
    await sam.press(send, 'Send for signature');
    for (const [window, name] of [[sam, 'Sam Okafor'], [jordan, 'Jordan Lee']] as const) {
      const who = name.split(' ')[0]!.toLowerCase();
      const signature = await arrived(window, 'Personal Chat', 'Sign');
      await shootCard(signature, `08d-${who}-dsa-signature-card`);
      await window.press(signature, 'Sign');
      const sign = new CardForm(signature, 'dsaSignature');
      await sign.fill('typedName', name);
      await sign.tick('authorityConfirmed');
      await shootCard(signature, `08e-${who}-dsa-signature-form`);
      await window.press(signature, 'Sign the DSA');
      if (window === sam) await window.waitUntil(async () => (await window.cardWithButton('Sign').count()) === 0, 'the DSA signed');
      await window.page.waitForTimeout(2000);
      await window.screenshot(`08f-${who}-dsa-signed`);
    }
    await jordan.page.waitForTimeout(3000);
    await jordan.screenshot('08g-jordan-signed-copy');
    await priya.page.waitForTimeout(500);
    await priya.screenshot('08h-priya-after-dsa');
    const copy = priya.card(/signed/i);
    if ((await copy.count()) > 0) await shootCard(copy, '08i-priya-signed-copy-card');
  });

  it('09 the service agreement; access arranged; the last status', async () => {
    const agreement = await arrived(jordan, 'Personal Chat', 'Sign');
    await shootCard(agreement, '09a-jordan-service-agreement-card');
    await jordan.press(agreement, 'Sign');
    const sign = new CardForm(agreement, 'serviceAgreementSignature');
    await sign.fill('typedName', 'Jordan Lee');
    await sign.tick('authorityConfirmed');
    await jordan.press(agreement, 'Sign the service agreement');
    await jordan.page.waitForTimeout(3000);
    await jordan.screenshot('09b-jordan-service-agreement-signed');
    await sam.openConversation('DARS - General');
    await sam.mention(`case ${reference}`, new RegExp(reference));
    const status = await arrived(sam, 'DARS - General', 'Access arranged');
    await shootCard(status, '09c-sam-case-card');
    await sam.press(status, 'Access arranged');
    await sam.waitUntil(async () => (await sam.cardWithButton('Access arranged').count()) === 0, 'the case at access arranged');
    await shootCard(sam.card(reference).last(), '09d-sam-access-arranged');
    await sam.page.waitForTimeout(1000);
    await sam.screenshot('09e-sam-general-at-the-end');
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('09f-priya-access-arranged-notice');
    await priya.say('status', new RegExp(reference));
    await priya.page.waitForTimeout(1500);
    await priya.screenshot('09g-priya-final-status');
  });
});
