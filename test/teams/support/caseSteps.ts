import assert from 'node:assert/strict';

import { readableText, type TeamsUser } from '../../support/teams';
import { answerInTurn, dsptPublished, gpDataEnquiry, isoDate, lastSaid, turn, writeAndSubmitApplication } from './applicantJourney';
import { controllerSignatoryEmail, type Cast, type CaseWorld, type Where } from './caseWorld';

/**
 * The first stages of a GP-data case, as the people do them in Teams: the applicant's enquiry in
 * chat, DARS staff on the triage channel's cards, the applicant's funding (on the card sent to
 * their chat, or typed in chat), the DARS contact taking the case, and the application written
 * and submitted in chat. Ends with the application under acceptance review.
 */
export const triage: Where = { channel: 'triage' };

export interface EarlySteps {
  /** Staff ask a question on the enquiry review card first; the applicant answers in chat. */
  readonly question?: string;
  /** Funding confirmed by typing "funding" in chat instead of on the card. */
  readonly fundingInChat?: boolean;
  /** The legal and ethical evidence staff ask for on the assessment card (its choices, comma-separated). */
  readonly evidenceNeeded?: string;
  /** Done in chat once every section is written, before "submit application". */
  readonly beforeSubmitting?: (reference: string) => Promise<void>;
}

export async function submittedApplication(world: CaseWorld, cast: Cast, applicant: TeamsUser, steps: EarlySteps = {}): Promise<string> {
  const { staff, contact } = cast;
  const chat = world.chat(applicant);

  // Enquiry: answered in chat, submitted on the summary card.
  const summary = await gpDataEnquiry(chat);
  const confirmation = (await world.clickInChat(applicant, summary, 'enquiryDraft.submit')).map((sent) => readableText(sent)).join('\n');
  const reference = /DARS-\d{4}-\d{5}/.exec(confirmation)?.[0];
  assert.ok(reference, `the applicant is told the case reference: ${confirmation}`);

  if (steps.question) {
    await world.act(staff, 'enquiry.requestInformation', reference, { where: triage, inputs: { question: steps.question } });
    await world.awaitCardAbout({ person: applicant }, reference, /information request/);
    assert.match(readableText((await turn(chat, 'answer'))[0]), new RegExp(steps.question.slice(0, 30)));
    assert.match(lastSaid(await turn(chat, 'Every practice in England: readmissions happen far from where the surgery was.')), /your answer is with the DARS team/);
  }
  await world.act(staff, 'enquiry.accept', reference, { where: triage });

  // Preliminary assessment, naming the data controller signatory by email (the bot finds them in DARS_PEOPLE).
  await world.act(staff, 'assessment.record', reference, {
    where: triage,
    inputs: { ...assessmentInputs(controllerSignatoryEmail), ...(steps.evidenceNeeded ? { evidence: steps.evidenceNeeded } : {}) },
  });
  const funding = { fundingSource: 'NIHR grant NIHR123456', invoiceName: 'Finance Office', invoiceEmail: 'finance@leeds.example.ac.uk', billingAddress: 'Woodhouse, Leeds LS2 9JT' };
  if (steps.fundingInChat) {
    await world.awaitCardAbout({ person: applicant }, reference, /funding confirmation/);
    const opened = await turn(chat, 'funding');
    assert.match(readableText(opened[0]), /Estimated cost: £1,431/);
    const review = await answerInTurn(chat, lastSaid(opened), [
      [/source of funding/, funding.fundingSource],
      [/purchase order/i, 'none'],
      [/invoice/i, funding.invoiceName],
      [/email/i, funding.invoiceEmail],
      [/billing address/i, funding.billingAddress],
    ]);
    assert.match(review, /\[confirm\] \[change\]|confirm/);
    assert.match(lastSaid(await turn(chat, 'confirm')), new RegExp(`the funding for \\*\\*${reference}\\*\\* is confirmed`));
  } else {
    await world.act(applicant, 'funding.confirm', reference, { inputs: funding });
  }
  await world.act(staff, 'assessment.readyToApply', reference, { where: triage });

  // Application: the DARS contact takes the case; the applicant is invited, writes it and submits.
  await world.act(contact, 'case.take', reference, { where: triage });
  await world.awaitCardAbout({ person: applicant }, reference, /application invitation/);
  await writeAndSubmitApplication(chat, reference, steps.beforeSubmitting && (() => steps.beforeSubmitting!(reference)));
  return reference;
}

/** What staff fill in on the preliminary assessment card: the data controller signatory named by email. */
export function assessmentInputs(signatoryEmail: string): Record<string, string> {
  return {
    accessService: 'secureDataEnvironment',
    novelOrContentious: 'false',
    cohortSubmissionNeeded: 'true',
    agreements: 'Data Sharing Agreement: the NHS England signatory and the data controller signatory',
    signatoryEmail,
    signatoryOrganisation: 'University of Leeds',
    dsptCode: 'EE133863',
    dsptStatus: 'Standards Met',
    dsptPublishedOn: isoDate(dsptPublished),
    workingDays: '60',
    chargeType: 'newApplication',
    agreementYears: '3',
  };
}
