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
  return literalText(preparedTemplate(template).expand({ $root: data }) as Record<string, unknown>);
}

/**
 * `new ACData.Template` parses every `${…}` in the template into an adaptive-expressions tree
 * (an ANTLR parse each, most of a render's cost); `expand` only evaluates those trees against
 * the data and builds a new card, never changing them. Templates are the JSON modules in
 * templates/, fixed for the life of the process, so each is parsed once, on its first render.
 * Keyed by the template object itself (WeakMap): a template built on the fly (tests) is parsed
 * for itself and let go with it. `expand` runs synchronously to the end, so one Template
 * serves every render in turn.
 */
const prepared = new WeakMap<object, ACData.Template>();

function preparedTemplate(template: object): ACData.Template {
  let ready = prepared.get(template);
  if (!ready) {
    ready = new ACData.Template(template);
    prepared.set(template, ready);
  }
  return ready;
}

/** Bytes of the card as Teams receives it. */
export function cardSize(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
