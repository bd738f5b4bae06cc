import { accept, reject, type AnswerCheck } from './answerCheck';

/** Checks of the second part of an enquiry: a summary of why the data is wanted. */

const minimumCharacters = 30;
const maximumCharacters = 3000;

export function checkPurpose(text: string): AnswerCheck<string> {
  const summary = text.trim().replace(/\s+/g, ' ');
  if (summary.length < minimumCharacters || summary.split(' ').length < 6) {
    return reject(
      `That is too short for staff to assess (${summary.length} characters). In two or three sentences, say what you want to find out, ` +
        'who will benefit, and how this data helps. For example: "We want to measure 30-day readmissions after hip replacement by hospital, ' +
        'to help trusts compare outcomes."',
    );
  }
  if (summary.length > maximumCharacters) {
    return reject(
      `That is ${summary.length} characters; a summary is at most ${maximumCharacters}. Please shorten it: the full detail comes later, in the application.`,
    );
  }
  return accept(summary);
}
