import assert from 'node:assert/strict';

import { validEnquiryAnswers } from '../../enquiry/enquiryConversation';
import type { SentActivity } from '../../support/connectorStandIn';
import { cardOf, readableText, type PersonalChat } from '../../support/teams';

/**
 * The applicant's side in their 1:1 chat, typed the way a person would: each answer is given only
 * after the bot has asked the question it answers, so a change in the dialog shows up here as
 * the question that was not asked.
 */

/**
 * The person types `text`; the bot's replies in that turn (`post` keeps only replies to it, so
 * a notice the outbox delivers to the chat meanwhile is left out).
 */
export async function turn(chat: PersonalChat, text: string): Promise<SentActivity[]> {
  const result = await chat.post({ type: 'message', text, textFormat: 'plain' });
  assert.equal(result.status, 200, `the bot answered HTTP ${result.status} to "${text}"`);
  return result.sent;
}

/** The last thing the bot said in a turn. */
export const lastSaid = (sent: SentActivity[]): string => readableText(sent.at(-1));

/** Sends `answers` one by one, each after checking the bot's last message asked for it. */
export async function answerInTurn(chat: PersonalChat, asked: string, answers: readonly (readonly [RegExp, string])[]): Promise<string> {
  let said = asked;
  for (const [question, answer] of answers) {
    assert.match(said, question, `before "${answer}" the bot should ask for it, but said: ${said}`);
    said = lastSaid(await turn(chat, answer));
  }
  return said;
}

/** Dates relative to today, as a person types them ("1 February 2027"). */
export function spokenDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The first of the month `months` from now (negative: before now), at noon UTC. */
export function firstOfMonth(months: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1, 12));
}

/** The DSA term the applicant asks for: from the first of the month after next, for three years. */
export const dsaStart = firstOfMonth(2);
export const dsaEnd = new Date(Date.UTC(dsaStart.getUTCFullYear() + 3, dsaStart.getUTCMonth(), 0, 12));
/** A DSPT assessment published two months ago: in date. */
export const dsptPublished = firstOfMonth(-2);

/** A GP-data enquiry: "new enquiry" and every part answered; returns the summary card (with its Submit button). */
export async function gpDataEnquiry(chat: PersonalChat): Promise<SentActivity> {
  const answers = { ...validEnquiryAnswers, datasets: 'HES Admitted Patient Care, GDPPR' };
  const intro = await turn(chat, 'new enquiry');
  const asked = await answerInTurn(chat, lastSaid(intro), [
    [/Which NHS England datasets/, answers.datasets],
    [/Which period/, answers.period],
    [/what level/i, answers.level],
    [/Part 2 of 4/, answers.purpose],
    [/Part 3 of 4/, answers.organisations],
    [/Part 4 of 4/, answers.readinessStage],
  ]);
  assert.match(asked, /By what date/);
  const summary = (await turn(chat, answers.targetDate)).find((sent) => cardOf(sent));
  assert.ok(summary, 'the bot shows the enquiry summary card');
  assert.match(readableText(summary), /GP data[\s\S]*PAG review will be needed/);
  return summary;
}

/** Every section of the application, question by question, as the applicant types the answers. */
export const applicationAnswers: readonly (readonly [RegExp, string])[] = [
  [/\*\*aim\*\*/, 'Measure emergency readmission within 30 days of elective hip replacement, and how it differs by GP practice follow-up.'],
  [/How will the data achieve that aim/, 'Hospital admissions linked to GP records show each readmission and the primary care contact before it.'],
  [/\*\*data subjects\*\*/, 'Adults with an elective hip replacement in England, 2015 to 2024; no control group.'],
  [/\*\*wider programme\*\*/, 'none'],
  [/\*\*processing activities\*\*/, 'Two analysts at the University of Leeds link and analyse the data in the NHS England Secure Data Environment; only aggregate outputs with small numbers suppressed leave it.'],
  [/\*\*expected outcomes\*\*/, 'A peer-reviewed paper and a report to NHS trusts.'],
  [/\*\*measurable benefits\*\*/, 'Guidance to reduce readmissions.'],
  [/\*\*commercial purpose\*\*/, 'no'],
  [/\*\*datasets\*\*/, 'HES Admitted Patient Care, GDPPR'],
  [/\*\*level\*\*/, 'pseudonymised'],
  [/\*\*years\*\*/, '2015/16 to 2023/24'],
  [/\*\*filters\*\*/, 'OPCS procedure codes W37 to W39, patients aged 18 and over'],
  [/\*\*fields\*\*/, 'Admission date; Procedure code; GP practice follow-up date'],
  [/\*\*under 16\*\*/, 'no'],
  [/\*\*data controllers and processors\*\*/, 'University of Leeds | data controller | Woodhouse, Leeds LS2 9JT | Z5764840'],
  [/Article 6/, '6(1)(e) public task'],
  [/Article 9/, '9(2)(j) research'],
  [/common law duty of confidentiality/, 'not applicable'],
  [/\*\*ethical approval\*\*/, 'yes'],
  [/\*\*committee\*\*/, 'Leeds East REC, 24/YH/0001'],
  [/\*\*security assured\*\*/, 'DSPT'],
  [/DSPT organisation code/, 'EE133863'],
  [/\*\*status\*\* of the latest DSPT/, 'Standards Met'],
  [/\*\*published\*\*/, spokenDate(dsptPublished)],
  [/\*\*stored and processed\*\*/, 'NHS England Secure Data Environment'],
  [/\*\*cloud\*\*/, 'no'],
  [/\*\*outside the UK\*\*/, 'no'],
  [/\*\*territory\*\*/, 'England and Wales'],
  [/\*\*national data opt-out\*\*/, 'yes'],
  [/\*\*privacy notice\*\*/, 'https://www.leeds.ac.uk/privacy/hip-readmission'],
  [/\*\*sub-licensed\*\*/, 'no'],
  [/\*\*shared onward\*\*/, 'none'],
  [/Data Sharing Agreement start/, spokenDate(dsaStart)],
  [/\*\*end\*\*/, spokenDate(dsaEnd)],
  [/\*\*use\*\*/, 'other'],
];

/** "application", all fourteen sections, then "submit application" and "yes" (`beforeSubmitting` in between). */
export async function writeAndSubmitApplication(chat: PersonalChat, reference: string, beforeSubmitting?: () => Promise<void>): Promise<void> {
  const opened = await turn(chat, 'application');
  assert.match(readableText(opened[0]), new RegExp(`write the application for \\*\\*${reference}\\*\\*: 14 sections, 0 saved so far`));
  const done = await answerInTurn(chat, lastSaid(opened), applicationAnswers);
  assert.match(done, new RegExp(`All 14 sections of the application for \\*\\*${reference}\\*\\* are saved`));
  if (beforeSubmitting) await beforeSubmitting();
  assert.match(lastSaid(await turn(chat, 'submit application')), /Submit version 1 to DARS for acceptance review\?/);
  assert.match(lastSaid(await turn(chat, 'yes')), new RegExp(`Submitted: version 1 of the application for \\*\\*${reference}\\*\\* is with DARS`));
}
