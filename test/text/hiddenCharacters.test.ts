import assert from 'node:assert/strict';

import { hasHiddenCharacters, hiddenCharacterProblem, hiddenCharactersIn, showHiddenCharacters } from '../../services/domain/text/hiddenCharacters';
import { parseCommand } from '../../services/domain/workflow/commands';

/** Bidi overrides and zero-width characters: refused in what people type, visible elsewhere. */
describe('hidden characters', () => {
  const every = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2060', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF'];

  it('finds each bidi control and zero-width character, and nothing in ordinary text', () => {
    for (const character of every) assert.ok(hasHiddenCharacters(`a${character}b`), `U+${character.codePointAt(0)!.toString(16)}`);
    assert.equal(hasHiddenCharacters('Université de Genève — naïve café, “quotes”, 👩‍⚕️'.replace('\u200D', '')), false);
    assert.deepEqual(hiddenCharactersIn('exe\u202Egpj.\u200B'), ['U+202E', 'U+200B']);
  });

  it('says which character, where, and how to put it right', () => {
    assert.equal(hiddenCharacterProblem('clean text'), undefined);
    const problem = hiddenCharacterProblem('Report\u202Efdp.exe and\u200B more');
    assert.match(problem ?? '', /a right-to-left override \(U\+202E\) at character 7 and 1 more/);
    assert.match(problem ?? '', /Please type it again/);
  });

  it('shows them as visible codes where they arrive from elsewhere', () => {
    assert.equal(showHiddenCharacters('Ada\u200B Lovelace\u202E'), 'Ada[U+200B] Lovelace[U+202E]');
  });

  it('every free-text field of a command refuses them, with the reason', () => {
    const parsed = parseCommand({ type: 'requestInformation', question: 'Which years do you need?\u2066' });
    assert.ok(!parsed.ok);
    assert.match(parsed.problem, /question: it contains a left-to-right isolate \(U\+2066\) at character 25/);
    assert.ok(parseCommand({ type: 'requestInformation', question: 'Which years do you need?' }).ok);
    assert.ok(parseCommand({ type: 'allocateDarsContact', contact: { id: '0'.repeat(8) + '-0000-0000-0000-' + '0'.repeat(12), name: 'Dana\u200B Contact' } }).ok, 'a Teams display name is not typed into DARS: shown visibly, not refused');
  });
});
