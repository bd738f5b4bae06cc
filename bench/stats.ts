/** The figures the bench prints for one bot, and the table that shows them side by side. */

export interface RunFigures {
  readonly label: string;
  readonly turns: number;
  readonly wallMs: number;
  /** Each measured turn's latency: POST sent → HTTP response received. */
  readonly latenciesMs: readonly number[];
  readonly peakRssBytes: number | undefined;
}

export function turnsPerSecond(run: RunFigures): number {
  return run.turns / (run.wallMs / 1000);
}

/** Nearest-rank percentile (p in 0..100): a latency some turn really had, not an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function formatTable(runs: readonly RunFigures[]): string {
  const columns = ['turns', 'turns/s', 'p50 ms', 'p99 ms', 'peak RSS MiB'];
  const labelWidth = Math.max(...runs.map((run) => run.label.length)) + 2;
  const widths = columns.map((column) => Math.max(column.length, 8) + 3);
  const row = (label: string, cells: string[]) =>
    label.padEnd(labelWidth) + cells.map((cell, i) => cell.padStart(widths[i])).join('');
  return [
    row('', columns),
    ...runs.map((run) =>
      row(run.label, [
        String(run.turns),
        turnsPerSecond(run).toFixed(1),
        percentile(run.latenciesMs, 50).toFixed(1),
        percentile(run.latenciesMs, 99).toFixed(1),
        run.peakRssBytes === undefined ? 'n/a' : (run.peakRssBytes / 2 ** 20).toFixed(1),
      ]),
    ),
  ].join('\n');
}
