import type { SectionContent } from './sections';

/**
 * A section as lines of text, "Label: value", the way a reviewer reads it — and the unit the
 * version diff compares. Multi-line answers keep their lines, so an edited paragraph shows the
 * lines that changed rather than the whole answer.
 */
type Value = string | number | boolean | null | undefined | readonly Value[] | { readonly [key: string]: Value };

export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function inline(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(inline).join('; ');
  return Object.entries(value).map(([key, inner]) => `${humanise(key).toLowerCase()}: ${inline(inner)}`).join(', ');
}

function renderValue(label: string, value: Value, lines: string[]): void {
  if (value === undefined || value === null) return;
  if (typeof value === 'string') {
    const [first = '', ...rest] = value.split(/\r?\n/);
    lines.push(`${label}: ${first}`, ...rest.map((line) => `  ${line}`));
  } else if (Array.isArray(value)) {
    value.forEach((item: Value, index) => {
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) lines.push(`${label} ${index + 1}: ${inline(item)}`);
      else renderValue(`${label} ${index + 1}`, item, lines);
    });
  } else if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) renderValue(`${label} — ${humanise(key).toLowerCase()}`, inner, lines);
  } else {
    lines.push(`${label}: ${inline(value)}`);
  }
}

export function renderSection(content: SectionContent): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(content as { readonly [key: string]: Value })) renderValue(humanise(key), value, lines);
  return lines;
}
