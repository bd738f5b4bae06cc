import { showHiddenCharacters } from '../../services/domain/text/hiddenCharacters';
import { neutralise } from './cardText';

/**
 * Every text on every card is shown exactly as written: no Markdown, no links, no images.
 *
 * Teams parses Markdown in a TextBlock's text and in a FactSet's titles and values: a data
 * controller named `[Sign here](https://evil.example) University of Leeds` would be a live link
 * on the signatory's card. A RichTextBlock's TextRuns are not parsed (Microsoft's text features
 * documentation), so the card renderer (`render.ts`) passes every template it expands through
 * here: each TextBlock becomes a RichTextBlock of one TextRun with the same look, each FactSet a
 * column of "title: value" lines in TextRuns. Templates keep the familiar elements; what a card
 * can show is literal by construction, for people's words and ours alike, so nothing depends on
 * remembering to escape a value or on how each Teams client treats a backslash. TextRun texts
 * also get hidden characters made visible ("[U+202E]": DARS refuses them in what people type,
 * but a Teams display name or a file name can carry them) and Teams' date functions neutralised.
 */
export function literalText<T>(node: T): T {
  return convert(node) as T;
}

type Json = Record<string, unknown>;

/** Properties any card element may carry, kept when its type changes. */
const elementKeys = ['id', 'spacing', 'separator', 'isVisible', 'height', 'requires', 'horizontalAlignment'] as const;
/** Properties of a TextBlock's look that a TextRun has too (`wrap` and `maxLines` it has not: a RichTextBlock wraps). */
const runKeys = ['color', 'fontType', 'isSubtle', 'size', 'weight'] as const;

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const element = node as Json;
  if (element.type === 'TextBlock') return textBlock(element);
  if (element.type === 'FactSet') return factSet(element);
  if (element.type === 'TextRun') return { ...element, text: shown(element.text) };
  return Object.fromEntries(Object.entries(element).map(([key, value]) => [key, convert(value)]));
}

function textBlock(block: Json): Json {
  return { type: 'RichTextBlock', ...pick(block, elementKeys), inlines: [{ type: 'TextRun', text: shown(block.text), ...pick(block, runKeys) }] };
}

function factSet(set: Json): Json {
  // A fact with no value is left out rather than shown as a label with nothing after it.
  const facts = (Array.isArray(set.facts) ? (set.facts as Json[]) : []).filter((fact) => String(fact.value ?? '').trim() !== '');
  return {
    type: 'Container',
    ...pick(set, elementKeys),
    items: facts.map((fact, index) => ({
      type: 'RichTextBlock',
      ...(index > 0 ? { spacing: 'Small' } : {}),
      inlines: [
        { type: 'TextRun', text: `${shown(fact.title)}: `, weight: 'Bolder' },
        { type: 'TextRun', text: shown(fact.value) },
      ],
    })),
  };
}

/** The text as it must read: hidden characters visible, date functions inert (idempotent). */
function shown(text: unknown): string {
  const plain = String(text ?? '').replaceAll('{\u200B{', '{{');
  return neutralise(showHiddenCharacters(plain));
}

function pick(source: Json, keys: readonly string[]): Json {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
