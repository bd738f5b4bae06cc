import { accept, reject, type AnswerCheck } from './answerCheck';
import { formatDate, londonDate, parseDate } from './dates';
import { readinessStages, type ReadinessStage } from './enquiry';
import { plainInMarkdown } from '../text/markdownText';

/** Checks of the fourth part of an enquiry: how ready the applicant is, and by when. */

export function checkReadinessStage(text: string): AnswerCheck<ReadinessStage> {
  const key = text.trim().toLowerCase();
  const stage =
    readinessStages.find((candidate) => candidate === key) ??
    (/explor/.test(key) ? 'exploring' : /fund|bid|grant/.test(key) ? 'funding bid' : /ready|apply/.test(key) ? 'ready to apply' : undefined);
  if (stage) return accept(stage);
  return reject('Please choose one: **exploring** (finding out what is possible), **funding bid** (you are bidding for funding) or **ready to apply**.');
}

const maximumYearsAhead = 3;

export function checkTargetDate(text: string, now: Date): AnswerCheck<string> {
  const date = parseDate(text);
  if (!date) return reject(`I couldn't read "${plainInMarkdown(text.trim())}" as a date. Write it like "1 March 2027", "01/03/2027" or "2027-03-01".`);
  const today = londonDate(now);
  if (date <= today) return reject(`${formatDate(date)} is not in the future. When do you need the data by? Give a date after today (${formatDate(today)}).`);
  const latest = `${Number(today.slice(0, 4)) + maximumYearsAhead}${today.slice(4)}`;
  if (date > latest) {
    return reject(`${formatDate(date)} is more than ${maximumYearsAhead} years away. Please give a target within ${maximumYearsAhead} years, by ${formatDate(latest)}.`);
  }
  return accept(date);
}
