import { unseenCaseMessage } from '../services/domain/workflow';
import { renderCard, type AdaptiveCard } from './render';
import unseenCaseTemplate from './templates/unseenCase.json';

/** The card answering a refresh or click on a case the person may not see (or that does not exist): the sentence alone, with no case data and no buttons. */
export function unseenCaseCard(reference: string): AdaptiveCard {
  return renderCard(unseenCaseTemplate, { message: unseenCaseMessage(reference) });
}
