import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Browser } from 'playwright-core';

import { launchChromium } from './support/chromium';
import { PlaygroundPage, screenshotDirectory } from './support/playgroundWindow';
import { PlaygroundProcess } from './support/playgroundProcess';
import { readmeEnquiry } from './support/readmeCase';

/**
 * What a person sees in Microsoft's own Teams client for local use, the Microsoft 365 Agents
 * Playground, started by `npm run playground` as shipped: the applicant makes an enquiry in
 * their window, a DARS staff member asks a question from the review card in the triage channel
 * of theirs, and the applicant's window shows the question. Headless Chromium from the system's
 * packages (CHROMIUM_PATH, default /usr/bin/chromium). Screenshots go to .artifacts/browser/.
 *
 *   npm run test:browser
 */

const botPort = 39_781;
const question = 'Which trusts are in the study, and do you need data on patients under 16?';

describe('Every person in the Microsoft 365 Agents Playground (npm run playground, headless Chromium)', function () {
  this.timeout(180_000);
  let playground: PlaygroundProcess;
  let browser: Browser;
  let applicant: PlaygroundPage;
  let staff: PlaygroundPage;

  before(async function () {
    mkdirSync(screenshotDirectory, { recursive: true });
    playground = await PlaygroundProcess.start({ bot: botPort, firstWindow: 56_170 });
    browser = await launchChromium();
    // The playground shows what arrives while a window is open, so both are open from the start.
    staff = await PlaygroundPage.open(browser, playground.url('staff'), 'staff');
    await staff.openConversation('DARS - General');
    applicant = await PlaygroundPage.open(browser, playground.url('applicant'), 'applicant');
    await applicant.openConversation('Personal Chat');
  });

  after(async () => {
    await browser?.close();
    await playground?.stop(path.join(screenshotDirectory, 'playground.log'));
  });

  it('an enquiry in the applicant window becomes a review card in the staff window; a question there reaches the applicant', async () => {
    for (const [answer, next] of readmeEnquiry) await applicant.say(answer, next);

    const summary = applicant.card('Your enquiry');
    await summary.waitFor();
    const summaryText = await summary.innerText();
    assert.match(summaryText, /Hospital Episode Statistics Admitted Patient Care/);
    assert.match(summaryText, /April 2019 to March 2024/);
    assert.match(summaryText, /Data controller:?\s+Example NHS Trust/);
    assert.match(summaryText, /1 March 2027/);
    await applicant.screenshot('1-applicant-enquiry-summary');

    await summary.getByRole('button', { name: 'Submit enquiry' }).click();
    const confirmation = applicant.page.getByText(/Your enquiry is submitted as DARS-\d{4}-\d{5}/).last();
    await confirmation.waitFor();
    const reference = /DARS-\d{4}-\d{5}/.exec(await confirmation.innerText())![0];

    const review = staff.card(reference);
    await review.waitFor();
    const reviewText = await review.innerText();
    assert.match(reviewText, /Enquiry review/);
    assert.match(reviewText, /applicant: Priya Shah/);
    assert.match(reviewText, /under review by DARS/);
    for (const button of ['Request information', 'Decline', 'Accept into preliminary assessment']) {
      assert.ok(await review.getByRole('button', { name: button }).isVisible(), `the review card offers "${button}"`);
    }
    await review.scrollIntoViewIfNeeded();
    await staff.screenshot('2-staff-triage-review-card');

    await review.getByRole('button', { name: 'Request information' }).click();
    await review.getByRole('textbox').first().fill(question);
    await review.getByRole('button', { name: 'Send question' }).click();
    await staff.waitUntil(async () => /waiting for the applicant to answer a question/.test(await review.innerText()), 'review card updated after the question');
    const decided = await review.innerText();
    assert.match(decided, /Question 1, asked by Sam Okafor/);
    assert.ok(decided.includes(question), 'the card shows the question as it was typed');
    assert.equal(await review.getByRole('button', { name: 'Accept into preliminary assessment' }).count(), 0, 'no accepting while the question is open');
    await review.scrollIntoViewIfNeeded();
    await staff.screenshot('3-staff-review-card-after-question');

    const asked = applicant.card('A question about your enquiry');
    await asked.waitFor();
    const askedText = await asked.innerText();
    assert.ok(askedText.includes(question), 'the applicant sees the question');
    assert.match(askedText, new RegExp(reference));
    await applicant.screenshot('4-applicant-question');
  });

  it('Ctrl+C stops the bot and every window it started', async () => {
    await browser.close();
    await playground.stop(path.join(screenshotDirectory, 'playground.log'));
    for (const url of [playground.url('applicant'), playground.url('staff'), `http://localhost:${botPort}/healthz`]) {
      const answered = await fetch(url).then(() => true, () => false);
      assert.equal(answered, false, `${url} still answers after Ctrl+C`);
    }
  });
});
