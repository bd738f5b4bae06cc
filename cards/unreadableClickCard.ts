import { renderCard, type AdaptiveCard } from './render';
import template from './templates/unreadableClick.json';

/**
 * The answer to a click whose data DARS Bot cannot read (an old or altered card): a card that
 * says nothing was changed and how to get the current card, in place of the one clicked. It
 * shows no case data, since the click did not say reliably which case it was about.
 */
export function unreadableClickCard(): AdaptiveCard {
  return renderCard(template, {});
}
