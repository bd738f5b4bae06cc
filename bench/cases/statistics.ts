import type { Db } from 'mongodb';

/**
 * Brings the server's table statistics up to date after seeding, as a production database's
 * autovacuum would some while after a bulk load (and as it never does where autovacuum is off,
 * as on the development machines). FerretDB runs `compact` as PostgreSQL's VACUUM ANALYZE on
 * the collection's table. Without statistics the planner costs an equality lookup as if it
 * matched 1% of a row count guessed from the table's size (README, "The cliff at 100,000
 * cases"), so the bench would measure plans no long-running database has.
 *
 * Only on FerretDB: on MongoDB `compact` rewrites the collection and is not what a deployment
 * does after loading data.
 */
export interface StatisticsStep {
  readonly analysed: boolean;
  readonly ms: number;
  readonly why: string;
}

export async function analyseAfterSeeding(db: Db, collections: readonly string[], onFerretdb: boolean): Promise<StatisticsStep> {
  if (process.env.BENCH_ANALYZE === '0') return { analysed: false, ms: 0, why: 'BENCH_ANALYZE=0: tables left as seeded, never analysed' };
  if (!onFerretdb) return { analysed: false, ms: 0, why: 'not FerretDB: left to the server' };
  const started = Date.now();
  for (const collection of collections) await db.command({ compact: collection });
  return { analysed: true, ms: Date.now() - started, why: `analysed after seeding (compact, run by FerretDB as VACUUM ANALYZE): ${collections.join(', ')}` };
}
