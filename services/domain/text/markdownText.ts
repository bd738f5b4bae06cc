/**
 * People's words inside a Teams chat message, whose text Teams renders as Markdown (the bot's own
 * words use it: **bold** commands, lists). Cards need none of this: every card text is a TextRun
 * (cards/frame/literalText.ts). Two functions, from strict to structural:
 *
 * - `plainInMarkdown(words)`: the person's words, every Markdown construct escaped with a
 *   backslash (CommonMark), so they read exactly as typed: no emphasis, links, images, HTML,
 *   headings, lists or quotes of theirs. For every place a message quotes what someone typed.
 * - `withoutLinks(message)`: a whole message with any link, image, HTML tag or web address made
 *   inert, leaving the bot's own emphasis and lists. DARS Bot never sends a link in a message,
 *   so this runs on every message it sends (bot/door/plainWords.ts): a quoted answer that was not
 *   escaped still cannot become a link, an image or markup.
 *
 * A web address keeps its text, with the colon after the scheme escaped ("https\://…") and the
 * dot after "www" ("www\.…"), so no autolinker sees an address; Teams shows it as typed.
 */

/** ASCII punctuation that starts or ends a Markdown construct anywhere in a line. */
const inline = /[\\`*_[\]<>~|!#&]/g;
/** A line that Markdown would read as a heading, quote, list item, rule or code block. */
const lineStart = /^(\s*)([-+=]|\d+[.)])/gm;

export function plainInMarkdown(words: string): string {
  return unlinkAddresses(words.replace(inline, (character) => `\\${character}`).replace(lineStart, (_all, indent: string, marker: string) => `${indent}${escapeMarker(marker)}`));
}

/** Link, image and HTML starters, and addresses, made inert unless already escaped. */
export function withoutLinks(message: string): string {
  return unlinkAddresses(message.replace(/(\\*)([[\]<])/g, (all, slashes: string, character: string) => (slashes.length % 2 === 1 ? all : `${slashes}\\${character}`)));
}

function escapeMarker(marker: string): string {
  return /^\d/.test(marker) ? marker.replace(/([.)])$/, '\\$1') : `\\${marker}`;
}

/** "https://x" → "https\://x", "www.x" → "www\.x" (unless already escaped). */
function unlinkAddresses(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*)(\\?):\/\//gi, (_all, scheme: string) => `${scheme}\\://`).replace(/\bwww(\\?)\./gi, 'www\\.');
}
