import type { CaseState } from '../../services/domain/workflow';
import { clip, dayOf } from '../frame/cardText';
import type { Fit } from '../frame/frameCard';

/** DARS's questions about an enquiry and the applicant's answers, oldest first. */
export interface QuestionView {
  readonly number: number;
  readonly question: string;
  readonly askedBy: string;
  readonly askedOn: string;
  readonly answerHeading: string;
  readonly answer: string;
}

export function questionViews(state: CaseState, fit: Fit): QuestionView[] {
  return state.facts.informationRequests.map((request) => ({
    number: request.requestNumber,
    question: clip(request.question, fit.text),
    askedBy: request.asked.by.name,
    askedOn: dayOf(request.asked.at),
    answerHeading: request.answered
      ? `Answered by ${request.answered.by.name} on ${dayOf(request.answered.at)}:`
      : 'Not answered yet.',
    answer: request.answer ? clip(request.answer, fit.text) : '',
  }));
}
