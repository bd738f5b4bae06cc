import { formatCount, plural } from '../reason';

/**
 * Failing rows by reason. Each reason keeps a bitset of its rows (one bit per row: 125 KB for a
 * million rows), so every failing row stays reportable with its reasons at a bounded memory cost,
 * and counts are exact. Rows past the capacity (a file already too big to accept) are counted
 * but not kept. Reasons are fixed sentences — never a value from the file — so patient data
 * never reaches a message or a log.
 */
export interface RowRange {
  readonly from: number;
  readonly to: number;
}

export interface ReasonFailures {
  readonly reason: string;
  /** Exact number of rows failing for this reason. */
  readonly rowCount: number;
  /** The first ranges of failing rows (up to the configured cap), in row order. */
  readonly ranges: readonly RowRange[];
  /** Failing rows not covered by `ranges`. */
  readonly unlistedRows: number;
}

export interface FailingRow {
  readonly row: number;
  readonly reasons: readonly string[];
}

interface Entry {
  readonly reason: string;
  count: number;
  bits: Uint8Array;
}

export class FailureTally {
  private readonly entries = new Map<string, Entry>();
  private lastRow = 0;

  constructor(private readonly rowCapacity: number, private readonly maxListedRanges: number) {}

  add(reason: string, row: number): void {
    let entry = this.entries.get(reason);
    if (!entry) {
      entry = { reason, count: 0, bits: new Uint8Array(1024) };
      this.entries.set(reason, entry);
    }
    entry.count += 1;
    if (row > this.lastRow) this.lastRow = row;
    if (row > this.rowCapacity) return;
    const byte = row >>> 3;
    if (byte >= entry.bits.length) {
      const grown = new Uint8Array(Math.min(Math.max(entry.bits.length * 2, byte + 1), (this.rowCapacity >>> 3) + 1));
      grown.set(entry.bits);
      entry.bits = grown;
    }
    entry.bits[byte] = (entry.bits[byte] ?? 0) | (1 << (row & 7));
  }

  results(): ReasonFailures[] {
    return [...this.entries.values()].map((entry) => {
      const ranges: RowRange[] = [];
      let listed = 0;
      let start = -1;
      const last = Math.min(this.lastRow, this.rowCapacity);
      for (let row = 0; row <= last + 1 && ranges.length < this.maxListedRanges; row += 1) {
        const set = row <= last && has(entry.bits, row);
        if (set && start < 0) start = row;
        if (!set && start >= 0) {
          ranges.push({ from: start, to: row - 1 });
          listed += row - start;
          start = -1;
        }
      }
      return { reason: entry.reason, rowCount: entry.count, ranges, unlistedRows: entry.count - listed };
    });
  }

  /** Every failing row (within capacity) with all its reasons, in row order, generated lazily. */
  *failingRows(): Generator<FailingRow> {
    const entries = [...this.entries.values()];
    const last = Math.min(this.lastRow, this.rowCapacity);
    for (let row = 0; row <= last; row += 1) {
      let reasons: string[] | undefined;
      for (const entry of entries) {
        if (has(entry.bits, row)) (reasons ??= []).push(entry.reason);
      }
      if (reasons) yield { row, reasons };
    }
  }
}

function has(bits: Uint8Array, row: number): boolean {
  const byte = row >>> 3;
  return byte < bits.length && ((bits[byte] ?? 0) & (1 << (row & 7))) !== 0;
}

export function formatRange(range: RowRange): string {
  return range.from === range.to ? formatCount(range.from) : `${formatCount(range.from)}–${formatCount(range.to)}`;
}

/**
 * One line per reason, its row list cut to fit `maxChars`:
 * "STATUS must be add or delete: rows 4, 7–8 and 1,200 more (1,203 rows)."
 */
export function describeFailures(failure: ReasonFailures, maxChars: number): string {
  const total = ` (${plural(failure.rowCount, 'row')}).`;
  let text = `${failure.reason}: ${failure.rowCount === 1 ? 'row' : 'rows'} `;
  let shown = 0;
  for (const [index, range] of failure.ranges.entries()) {
    const piece = (index === 0 ? '' : ', ') + formatRange(range);
    const remainingAfter = failure.rowCount - shown - (range.to - range.from + 1);
    const reserve = remainingAfter > 0 ? ` and ${formatCount(remainingAfter)} more`.length + total.length : total.length;
    if (index > 0 && text.length + piece.length + reserve > maxChars) break;
    text += piece;
    shown += range.to - range.from + 1;
  }
  const more = failure.rowCount - shown;
  return `${text}${more > 0 ? ` and ${formatCount(more)} more` : ''}${total}`;
}
