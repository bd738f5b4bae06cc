/**
 * What a rule says to people. Every rule returns its outcome together with the reasons, each
 * marked met or not, so a card can show why ("DSPT Standards Met, published 3 September 2025:
 * in date") and a refusal can quote only what must be fixed.
 */
export interface Reason {
  readonly met: boolean;
  readonly text: string;
}

export const met = (text: string): Reason => ({ met: true, text });
export const unmet = (text: string): Reason => ({ met: false, text });

/** The reasons that need fixing, as sentences. */
export function problemsIn(reasons: readonly Reason[]): string[] {
  return reasons.filter((reason) => !reason.met).map((reason) => reason.text);
}

/** "£1,431" or "£1,431.50": money is held in pence and written in pounds. */
export function formatPounds(pence: number): string {
  const pounds = Math.floor(pence / 100);
  const rest = pence % 100;
  return `£${pounds.toLocaleString('en-GB')}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-GB');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
