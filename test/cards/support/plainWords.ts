import type { AdaptiveCard } from '../../../cards/render';

/**
 * The card's visible text, line by line, as a person reads it: a RichTextBlock's runs joined (a
 * FactSet row is "Title: " and its value in two runs), titles, labels, placeholders, the value a
 * text input starts with, a choice's title. Not the ids, the data buttons send, a choice's value
 * or a date input's value: those are for the bot, not for people.
 */
export function visibleLines(card: AdaptiveCard): string[] {
  const { refresh: _refresh, ...shown } = card;
  const lines: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (element.type === 'RichTextBlock' && Array.isArray(element.inlines)) {
      lines.push(...(element.inlines as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('').split('\n'));
      return;
    }
    for (const key of ['text', 'title', 'label', 'placeholder'] as const) if (typeof element[key] === 'string') lines.push(...String(element[key]).split('\n'));
    if (element.type === 'Input.Text' && typeof element.value === 'string') lines.push(...element.value.split('\n'));
    for (const [key, child] of Object.entries(element)) if (key !== 'data' && key !== 'choices') walk(child);
    if (Array.isArray(element.choices)) (element.choices as { title?: unknown }[]).forEach((choice) => lines.push(String(choice.title ?? '')));
  };
  walk(shown);
  return lines;
}

/**
 * What no person should have to read: a field key (a camelCase word such as `outsideUk`), an ISO
 * date (`2026-09-01`: cards say "1 September 2026"), a label with nothing after it (`Wider
 * programme:` followed by the next label or by nothing; a heading followed by its "• " items or
 * its paragraph is fine), or Markdown emphasis shown as asterisks.
 */
export function plainWordProblems(card: AdaptiveCard): string[] {
  const lines = visibleLines(card);
  return lines.flatMap((line, i) => {
    const next = lines[i + 1] ?? '';
    const problems: string[] = [];
    const key = /(?<![\w@./:-])[a-z]+[A-Z][A-Za-z]*\b/.exec(line.replace(/https?:\/\/\S+|\S+@\S+/g, ''));
    if (key) problems.push(`a field key “${key[0]}” in “${line.slice(0, 80)}”`);
    const day = /\b\d{4}-\d{2}-\d{2}\b/.exec(line);
    if (day) problems.push(`an ISO date “${day[0]}” in “${line.slice(0, 80)}”`);
    const label = /^[^•\s][^:]{0,60}:\s*$/;
    if (label.test(line) && (next.trim() === '' || label.test(next) || /^[A-Z][^:.]{0,40}: \S/.test(next))) problems.push(`an empty label “${line.trim()}” (then “${next.slice(0, 40)}”)`);
    if (/\*\*\S/.test(line)) problems.push(`Markdown asterisks in “${line.slice(0, 80)}”`);
    return problems;
  });
}
