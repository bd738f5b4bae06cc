import type { PersonalChat } from '../support/teams';

/** A valid answer to every enquiry question, in order, for tests that need a whole enquiry. */
export const validEnquiryAnswers = {
  datasets: 'HES Admitted Patient Care, civil registration deaths',
  period: 'April 2019 to March 2024',
  level: 'pseudonymised',
  purpose: 'We want to measure 30-day emergency readmissions after hip replacement by trust, so that trusts can compare outcomes and improve care.',
  organisations: 'University of Leeds - data controller; Acme Analytics Ltd - data processor',
  readinessStage: 'ready to apply',
  targetDate: '1 March 2027',
} as const;

/** Says "new enquiry" and answers every question; the bot is then showing the summary card. */
export async function answerWholeEnquiry(chat: PersonalChat): Promise<void> {
  await chat.say('new enquiry');
  for (const answer of Object.values(validEnquiryAnswers)) await chat.say(answer);
}
