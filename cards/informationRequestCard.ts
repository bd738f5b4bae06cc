import type { CaseState } from '../services/domain/workflow';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { withChatStep } from './frame/chatStepButton';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/informationRequest.json';
import { questionViews } from './views/informationRequestsView';

/**
 * The applicant's card for DARS's question about their enquiry. There is no button: the
 * applicant answers in the chat, in their own words, and the card updates to show the answer.
 */
export function informationRequestCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const canAnswer = permitted(state, viewer)('answerInformationRequest');
  const waiting = state.status === 'awaitingEnquiryInformation';
  const intro = !waiting
    ? 'DARS has every answer it asked for about this enquiry.'
    : canAnswer
      ? 'DARS has a question about your enquiry. Reply in this chat with your answer; you can write as much as you need.'
      : 'DARS is waiting for the applicant to answer this question in chat.';
  return fitToBudget((fit) =>
    withChatStep(frameCard(template, { intro, questions: questionViews(state, fit) }, {
      state, viewer, now, options, title: 'A question about your enquiry', card: 'informationRequest', actions: [],
    }), state, viewer, { key: 'answerInformationRequest', title: 'Answer DARS\'s question', command: 'answer' }),
  );
}
