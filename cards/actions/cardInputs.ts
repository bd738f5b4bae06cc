/**
 * What a card sent back, read as the workflow's command fields. Teams sends every input as a
 * string (a toggle as its valueOn/valueOff, a multi-select as "a,b"); the Action.Submit fallback
 * may send numbers and booleans. Text is passed on as typed, so the workflow's own schema
 * decides what is blank or too long; only conversions (numbers, dates, lines) are checked here.
 */
export type CardData = Readonly<Record<string, unknown>>;

export class CardInputs {
  /** Problems found while converting, as "“label”: what is wrong". */
  readonly problems: string[] = [];

  constructor(private readonly data: CardData) {}

  /** The input as typed ('' when absent). */
  text(id: string): string {
    const value = this.data[id];
    return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }

  /** Absent when left empty: for optional fields. */
  optional(id: string): string | undefined {
    const value = this.text(id).trim();
    return value === '' ? undefined : value;
  }

  /** One item per non-empty line (lists typed into a multi-line input). */
  lines(id: string): string[] {
    return this.text(id).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  }

  /** A toggle: "true" when on. */
  flag(id: string): boolean {
    const value = this.data[id];
    return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
  }

  /** A multi-select: its values. */
  choices(id: string): string[] {
    return this.text(id).split(',').map((value) => value.trim()).filter((value) => value !== '');
  }

  /** A whole number, or undefined when empty; anything else is a problem naming the field. */
  integer(id: string, label: string): number | undefined {
    const text = this.text(id).trim();
    if (text === '') return undefined;
    const value = Number(text);
    if (!Number.isInteger(value)) {
      this.problems.push(`“${label}”: a whole number, not “${text.slice(0, 40)}”`);
      return undefined;
    }
    return value;
  }

  /** Inputs whose ids start with `prefix` (e.g. the per-section comments "comment.objective"). */
  withPrefix(prefix: string): [string, string][] {
    return Object.keys(this.data)
      .filter((id) => id.startsWith(prefix))
      .map((id): [string, string] => [id.slice(prefix.length), this.text(id)]);
  }
}
