/** A plain text table: the first `leftAligned` columns left-aligned (labels), the rest right-aligned (numbers). */
export function formatRows(headers: readonly string[], rows: readonly (readonly string[])[], leftAligned = 1): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i < leftAligned ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a');

export const thousands = (value: number): string => Math.round(value).toLocaleString('en-GB');
