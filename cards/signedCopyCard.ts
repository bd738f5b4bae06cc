import type { AdaptiveCard } from './render';

/**
 * The message that hands someone the signed document of record (bot/delivery/signedCopies.ts): what was
 * signed, the copy's SHA-256, and a button that opens it. A card, not Markdown: messages are sent
 * as plain text, so a link must be a button. Every line is a TextRun (literal text).
 */
export function signedCopyCard(copy: { heading: string; summary: string; sha256: string; link?: { url: string; title: string } }): AdaptiveCard {
  const run = (text: string) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: copy.heading, weight: 'Bolder', size: 'Medium' }] },
      run(copy.summary),
      run('SHA-256 of the signed copy:'),
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: copy.sha256, fontType: 'Monospace' }] },
    ],
    actions: copy.link ? [{ type: 'Action.OpenUrl', title: copy.link.title, url: copy.link.url }] : [],
  };
}
