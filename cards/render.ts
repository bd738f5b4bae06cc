import * as ACData from 'adaptivecards-templating';

/**
 * Renders an Adaptive Card template (a JSON file in cards/templates, bound with `${…}`) with
 * data. Templates hold the layout; builders (one per card) turn the stored case into data.
 */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

export function renderCard(template: object, data: object): AdaptiveCard {
  const card = new ACData.Template(template).expand({ $root: data }) as AdaptiveCard;
  return card;
}

/** Bytes of the card as Teams receives it; Teams refuses cards over 28 KB. */
export function cardSize(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
