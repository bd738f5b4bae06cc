import assert from 'node:assert/strict';

import { literalText } from '../../cards/frame/literalText';
import { renderCard } from '../../cards/render';
import { cardProblems } from '../support/adaptiveCardCheck';
import { hostileProse, linkedName, markdownInCard, markupProblems } from '../support/peoplesWords';

/** What the card renderer does to every template: no text on a card is Markdown. */
describe('literal card text', () => {
  const template = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'From ${name}', weight: 'Bolder', size: 'Medium', isSubtle: true, wrap: true, maxLines: 2, spacing: 'Small', separator: true },
      { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${purpose}' }] },
    ],
  };
  const data = {
    name: linkedName('University of Leeds'),
    facts: [{ title: 'Data controller', value: linkedName('University of Leeds') }, { title: 'Due', value: '{{DATE(2026-06-01T00:00:00Z,SHORT)}}' }],
    purpose: hostileProse('We will study readmissions.\u202E'),
  };

  it('turns each TextBlock into a TextRun with the same look, and each fact into a “title: value” line', () => {
    const card = renderCard(template, data);
    const [heading, facts] = card.body as Record<string, unknown>[];
    assert.deepEqual(heading, {
      type: 'RichTextBlock',
      spacing: 'Small',
      separator: true,
      inlines: [{ type: 'TextRun', text: `From ${linkedName('University of Leeds')}`, isSubtle: true, size: 'Medium', weight: 'Bolder' }],
    });
    assert.deepEqual(facts, {
      type: 'Container',
      items: [
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Data controller: ', weight: 'Bolder' }, { type: 'TextRun', text: linkedName('University of Leeds') }] },
        { type: 'RichTextBlock', spacing: 'Small', inlines: [{ type: 'TextRun', text: 'Due: ', weight: 'Bolder' }, { type: 'TextRun', text: '{\u200B{DATE(2026-06-01T00:00:00Z,SHORT)}}' }] },
      ],
    });
    assert.deepEqual(cardProblems(card), []);
  });

  it('leaves nothing Teams would parse as Markdown, and the words exactly as written', () => {
    const card = renderCard(template, data);
    assert.deepEqual(markdownInCard(card, 'card'), []);
    assert.ok(markupProblems(markdownInCard(template, 'template')).length === 0, 'the template itself binds no markup');
    const runs = JSON.stringify(card);
    assert.ok(runs.includes(JSON.stringify(hostileProse('We will study readmissions.[U+202E]')).slice(1, -1)), 'the words, with the hidden character made visible');
  });

  it('is idempotent: a card passed through twice is the same card', () => {
    const card = renderCard(template, data);
    assert.deepEqual(literalText(card), card);
  });
});
