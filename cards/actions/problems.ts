import type { z } from 'zod';

/**
 * A refused card input, said in the card's own words: each problem names the field as the card
 * labels it ("Why DARS cannot help") rather than the command's path ("reason").
 */
export function labelFor(path: readonly PropertyKey[], labels: Readonly<Record<string, string>>): string {
  const keys = path.map(String);
  for (let end = keys.length; end > 0; end -= 1) {
    const label = labels[keys.slice(0, end).join('.')];
    if (label) {
      const index = keys[end];
      return index !== undefined && /^\d+$/.test(index) ? `“${label}”, line ${Number(index) + 1}` : `“${label}”`;
    }
  }
  return `“${keys.join('.') || 'the card'}”`;
}

/** zod's default messages (for fields whose schema gives none of ours), in plain words. */
function say(issue: z.core.$ZodIssue): string {
  if (!/^Invalid\b/.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) return 'fill this in';
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return 'choose one of the options';
  return issue.message;
}

export function describeIssues(issues: readonly z.core.$ZodIssue[], labels: Readonly<Record<string, string>>): string[] {
  return issues.slice(0, 5).map((issue) => `${labelFor(issue.path, labels)}: ${say(issue)}`);
}

export function pleaseCheck(problems: readonly string[]): string {
  return `Please check ${problems.join('; ')}.`;
}
