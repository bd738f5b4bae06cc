import * as ACData from 'adaptivecards-templating';

import { literalText } from './frame/literalText';

/**
 * Renders an Adaptive Card template (a JSON file in cards/templates, bound with `${…}`) with
 * data. Templates hold the layout; builders (one per card) turn the stored case into data.
 * Data values are bound, never evaluated: text containing `${…}` appears as written.
 */
export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

/** Teams refuses cards over 28 KB. */
export const cardByteBudget = 28 * 1024;

export function renderCard(template: object, data: object): AdaptiveCard {
  return renderTemplate(template, data) as AdaptiveCard;
}

/**
 * Renders any template fragment (a card, or an element such as the case header). The result
 * holds no Markdown anywhere (`literalText`): every text is a TextRun, shown as written.
 */
export function renderTemplate(template: object, data: object): Record<string, unknown> {
  return literalText(new ACData.Template(template).expand({ $root: data }) as Record<string, unknown>);
}

/** Bytes of the card as Teams receives it. */
export function cardSize(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
