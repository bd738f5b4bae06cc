/**
 * Hostile words, as an applicant (or anyone) might type them, and a check that none of their
 * markup survives into what Teams renders. Teams parses Markdown in a chat message's text (unless
 * its textFormat is "plain") and, on an Adaptive Card, in a TextBlock's text and a FactSet's
 * titles and values; TextRuns, inputs, choices and button titles it shows as written.
 */
export const hostile = {
  link: '[Sign here to approve](https://evil.example/sign)',
  image: '![pixel](https://evil.example/pixel.png)',
  html: '<a href="https://evil.example/html">open</a> <b>bold</b>',
  bare: 'https://evil.example/bare and www.evil.example',
  emphasis: ['**urgent**', '_now_', '~~struck~~', '`code`'],
} as const;

/** A name with a link in front: the attack in the issue, short enough for any name field. */
export const linkedName = (name: string): string => `${hostile.link} ${name}`;

/** Prose carrying every kind of markup around the person's real words. */
export const hostileProse = (words: string): string =>
  `${hostile.link} ${words} ${hostile.emphasis.join(' ')} ${hostile.image} ${hostile.html} See ${hostile.bare}.`;

export interface Rendered {
  /** Where, for the failure message. */
  readonly where: string;
  readonly text: string;
}

/** Every text in an activity that Teams would parse as Markdown. */
export function markdownTexts(activity: Record<string, unknown>, where: string): Rendered[] {
  const found: Rendered[] = [];
  if (activity.type === 'message' && typeof activity.text === 'string' && activity.textFormat !== 'plain') found.push({ where: `${where} (message text)`, text: activity.text });
  const attachments = (activity.attachments ?? []) as { contentType?: string; content?: unknown }[];
  for (const attachment of attachments) {
    if (attachment.contentType === 'application/vnd.microsoft.card.adaptive') found.push(...markdownInCard(attachment.content, where));
  }
  return found;
}

/** The texts of a card that Teams parses as Markdown: TextBlock texts, FactSet titles and values. */
export function markdownInCard(card: unknown, where: string): Rendered[] {
  const found: Rendered[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'TextBlock') found.push({ where: `${where} (TextBlock)`, text: String(element.text ?? '') });
    if (element.type === 'FactSet') {
      for (const fact of (element.facts ?? []) as { title?: unknown; value?: unknown }[]) {
        found.push({ where: `${where} (Fact)`, text: `${String(fact.title ?? '')}\n${String(fact.value ?? '')}` });
      }
    }
    Object.values(element).forEach(walk);
  };
  walk(card);
  return found;
}

const unescaped = (pattern: string): RegExp => new RegExp(`(?<!\\\\)${pattern}`);
/** Markdown the bot never writes itself: any of these in a rendered text came from someone's words. */
const constructs: readonly [string, RegExp][] = [
  ['a link or image', unescaped('\\[[^\\]\\n]*(?<!\\\\)\\]\\(')],
  ['an HTML tag or autolink', unescaped('<[a-zA-Z/!]')],
  ['a web address', /\b(?:https?|ftp):\/\/|(?<!\\)\bwww\./i],
];

/** Each piece of markup from `hostile` that a Markdown text would render, with where it is. */
export function markupProblems(rendered: readonly Rendered[]): string[] {
  const problems: string[] = [];
  for (const { where, text } of rendered) {
    for (const [what, pattern] of constructs) {
      const match = pattern.exec(text);
      if (match) problems.push(`${where}: ${what} rendered from “…${text.slice(Math.max(0, match.index - 30), match.index + 60)}…”`);
    }
    for (const emphasis of hostile.emphasis) if (text.includes(emphasis)) problems.push(`${where}: the emphasis ${emphasis} would be rendered`);
  }
  return problems;
}
