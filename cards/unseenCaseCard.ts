import { renderCard, type AdaptiveCard } from './render';
import unseenCaseTemplate from './templates/unseenCase.json';

/**
 * What someone is shown for a case they may not see (the read table, `canRead`), word for word
 * what they are shown for a reference that does not exist: neither says whether the case exists,
 * where it stands, or whose it is. The reference is one the person sent, already checked to be
 * of the form DARS-2026-00042.
 */
export function unseenCaseMessage(reference: string): string {
  return `I can’t show you ${reference}: there is no such case, or you have no part in it. Check the reference, which looks like DARS-2026-00042.`;
}

/** The card answering a refresh or click on such a case: the sentence alone, with no case data and no buttons. */
export function unseenCaseCard(reference: string): AdaptiveCard {
  return renderCard(unseenCaseTemplate, { message: unseenCaseMessage(reference) });
}
