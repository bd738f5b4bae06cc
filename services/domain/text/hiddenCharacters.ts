/**
 * Characters that change how text looks without being seen: bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which can make "gpj.exe" read as "exe.jpg" or turn a
 * sentence around, and zero-width characters (U+200B–U+200F, U+2060, U+FEFF), which hide inside
 * words so that two names that look the same are not. DARS refuses them in anything a person
 * types (the answer is asked for again, saying why), and shows them, where they arrive from
 * elsewhere (a Teams display name, a file name), as a visible code such as "[U+202E]".
 */
export const hiddenCharacterPattern = /[\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

const names: Readonly<Record<string, string>> = {
  '200B': 'a zero-width space',
  '200C': 'a zero-width non-joiner',
  '200D': 'a zero-width joiner',
  '200E': 'a left-to-right mark',
  '200F': 'a right-to-left mark',
  '202A': 'a left-to-right embedding',
  '202B': 'a right-to-left embedding',
  '202C': 'a direction formatting mark',
  '202D': 'a left-to-right override',
  '202E': 'a right-to-left override',
  '2060': 'a word joiner',
  '2066': 'a left-to-right isolate',
  '2067': 'a right-to-left isolate',
  '2068': 'a direction isolate',
  '2069': 'a direction isolate mark',
  FEFF: 'a zero-width no-break space',
};

const codeOf = (character: string): string => character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** The hidden characters in the text, in order, as "U+202E". */
export function hiddenCharactersIn(text: string): string[] {
  return [...text.matchAll(hiddenCharacterPattern)].map((match) => `U+${codeOf(match[0])}`);
}

export const hasHiddenCharacters = (text: string): boolean => hiddenCharactersIn(text).length > 0;

/**
 * What to tell the person whose answer holds hidden characters, or undefined when it holds
 * none. Says which character and where (counting visible characters from 1), so that they can
 * find it, and how to get rid of it: pasted text is the usual source.
 */
export function hiddenCharacterProblem(text: string): string | undefined {
  const first = new RegExp(hiddenCharacterPattern.source, 'u').exec(text);
  if (!first) return undefined;
  const code = codeOf(first[0]);
  const count = hiddenCharactersIn(text).length;
  const position = [...text.slice(0, first.index)].length + 1;
  const more = count > 1 ? ` and ${count - 1} more` : '';
  return (
    `it contains ${names[code] ?? 'an invisible character'} (U+${code}) at character ${position}${more}: ` +
    'invisible characters can change how text reads, so DARS does not accept them. ' +
    'Please type it again (text pasted from a document or web page often carries them)'
  );
}

/** The text with each hidden character replaced by its visible code, "[U+202E]". */
export function showHiddenCharacters(text: string): string {
  return text.replace(hiddenCharacterPattern, (character) => `[U+${codeOf(character)}]`);
}
