import { positiveInteger } from '../benchCli';

/** The bench's knobs, read once from the environment (see bench/caseStore.ts for the list). */

export interface Settings {
  readonly cases: number;
  readonly decisions: number;
  readonly contended: number;
  readonly decisionSeconds: number;
  readonly queryRuns: number;
  readonly querySeconds: number;
  readonly queryLimitSeconds: number;
  readonly seedBatch: number;
  readonly seedWriters: number;
}

export function readSettings(): Settings {
  return {
    cases: positiveInteger('BENCH_CASES', 100_000),
    decisions: positiveInteger('BENCH_DECISIONS', 2000),
    contended: positiveInteger('BENCH_CONTENDED', 200),
    decisionSeconds: positiveInteger('BENCH_DECISION_SECONDS', 30),
    queryRuns: positiveInteger('BENCH_QUERY_RUNS', 200),
    querySeconds: positiveInteger('BENCH_QUERY_SECONDS', 20),
    queryLimitSeconds: positiveInteger('BENCH_QUERY_LIMIT_SECONDS', 60),
    seedBatch: positiveInteger('BENCH_SEED_BATCH', 1000),
    seedWriters: positiveInteger('BENCH_SEED_WRITERS', 3),
  };
}
