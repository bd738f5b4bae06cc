import assert from 'node:assert/strict';

import { plainInMarkdown, withoutLinks } from '../../services/domain/text/markdownText';
import { hostile, hostileProse, markupProblems } from '../support/peoplesWords';

/** People's words inside the bot's Markdown messages: shown as typed, never as markup. */
describe('people’s words in Markdown messages', () => {
  const rendered = (text: string) => markupProblems([{ where: 'message', text }]);

  it('escapes every construct a person could type, so the words read exactly as typed', () => {
    const words = hostileProse('University of Leeds');
    assert.ok(rendered(words).length >= 6, 'the check sees the raw markup');
    assert.deepEqual(rendered(plainInMarkdown(words)), []);
    assert.equal(
      plainInMarkdown('[Sign here](https://evil.example/sign) **urgent** _now_ <b>x</b>'),
      '\\[Sign here\\](https\\://evil.example/sign) \\*\\*urgent\\*\\* \\_now\\_ \\<b\\>x\\</b\\>',
    );
  });

  it('escapes line starts that would become headings, lists or quotes, and backslashes themselves', () => {
    assert.equal(plainInMarkdown('# Heading\n- item\n+ item\n12. item\n3) item\n> quote'), '\\# Heading\n\\- item\n\\+ item\n12\\. item\n3\\) item\n\\> quote');
    assert.equal(plainInMarkdown('C:\\data\\*'), 'C:\\\\data\\\\\\*');
    assert.equal(plainInMarkdown('Hip replacement, 2019-2024; 30-day readmission (HES).'), 'Hip replacement, 2019-2024; 30-day readmission (HES).', 'ordinary prose is untouched');
  });

  it('makes every address inert, with or without a scheme', () => {
    assert.equal(plainInMarkdown('https://a.example and www.b.example'), 'https\\://a.example and www\\.b.example');
    assert.equal(withoutLinks('ftp://a.example'), 'ftp\\://a.example');
  });

  it('on a whole message, leaves the bot’s own emphasis and lists and neutralises links, images, HTML and addresses', () => {
    const message = `**DARS-2026-00001**: Say **status**.\n\n- ${hostile.link}\n- ${hostile.image} ${hostile.html} ${hostile.bare}`;
    const safe = withoutLinks(message);
    assert.ok(safe.startsWith('**DARS-2026-00001**: Say **status**.\n\n- '), 'the bot’s own formatting stays');
    assert.deepEqual(rendered(safe), []);
  });

  it('does not escape twice: a quote already escaped passes through unchanged', () => {
    const quoted = plainInMarkdown(hostileProse('words'));
    assert.equal(withoutLinks(quoted), quoted);
    assert.equal(withoutLinks(withoutLinks(hostile.link)), withoutLinks(hostile.link));
  });
});
