import { randomBytes } from 'node:crypto';
import os from 'node:os';

import { MongoClient } from 'mongodb';

import { londonDate } from '../services/domain/calendar';
import { CaseCommands } from '../services/storage/cases/caseCommands';
import { CaseIndex } from '../services/storage/cases/caseIndex';
import { CaseLog } from '../services/storage/cases/caseLog';
import { CaseQueries } from '../services/storage/cases/caseQueries';
import { CaseStates } from '../services/storage/cases/caseStates';
import { darsWorkflow, type DarsCaseCommands } from '../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../cards/cardsShowing';
import { describeEvent } from '../cards/events/history';
import { startEmbeddedServer, type EmbeddedServer } from '../local/database/embeddedServer';
import { contendedDecisions, CasePicker, decideOnDistinctCases, type DecisionRun } from './cases/decisions';
import { explainLookups } from './cases/explain';
import { withMaxTime } from './cases/maxTime';
import { benchNow, planCases, seededRandom, statusMix } from './cases/population';
import { probeClones } from './cases/probe';
import { measureQueries } from './cases/queries';
import { formatReport } from './cases/report';
import { seedCases } from './cases/seed';
import { serverPeakRssBytes } from './cases/serverMemory';
import { readSettings } from './cases/settings';
import { analyseAfterSeeding } from './cases/statistics';
import { thousands } from './cases/table';
import { progress, runBenchmark } from './benchCli';

/**
 * The case store benchmark: seeds a database with many cases at realistic statuses, then
 * measures decisions through decide-and-append (`CaseCommands.execute`) and the staff queue and
 * status queries (`CaseQueries`). It prints numbers and asserts nothing about speed; it exits
 * non-zero only when something went wrong (a decision not applied, a contended case with other
 * than one applied decision), so a broken store cannot look fast.
 *
 * On the embedded FerretDB 1.24 (PostgreSQL) a 100,000-case run takes about 7 minutes on two
 * cores: seeding ~4.5 (FerretDB stores each document as JSONB with a type schema beside every
 * field and spends its CPU per field), then each decision run and query until its time budget.
 * Lookups are index scans thanks to the launcher's GIN twins (README, "Every read the store
 * makes at volume is an index lookup"); the explain table at the end shows each plan.
 *
 *   node dist/bench/caseStore.js        (after npx tsc -p tsconfig.json)
 *
 *   BENCH_CASES          cases seeded (default 100000)
 *   BENCH_DECISIONS      decisions per distinct-case run (default 2000)
 *   BENCH_CONTENDED      cases decided on by four writers at once (default 200)
 *   BENCH_DECISION_SECONDS  time budget per decision run: no new decision starts after it (default 30)
 *   BENCH_QUERY_RUNS     runs of each query (default 200)
 *   BENCH_QUERY_SECONDS  time budget per query: no new run starts after it (default 20)
 *   BENCH_QUERY_LIMIT_SECONDS  server-side time limit of one run, maxTimeMS (default 60)
 *   BENCH_SEED_BATCH     cases per insertMany batch (default 1000)
 *   BENCH_SEED_WRITERS   batches in flight while seeding (default 3)
 *   BENCH_ANALYZE        0: skip bringing the table statistics up to date after seeding (bench/cases/statistics.ts)
 *   BENCH_KEEP_DATABASE  1: leave the seeded database in place afterwards, to EXPLAIN its queries by hand
 *   MONGODB_URI          a server to use instead of the embedded FerretDB
 */

async function main(): Promise<number> {
  const settings = readSettings();
  const runStarted = Date.now();
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

  progress('starting the database server');
  let server: EmbeddedServer | undefined;
  if (!process.env.MONGODB_URI) server = await startEmbeddedServer({ purpose: 'throwaway', dataDirectory: '', log: progress });
  const uri = process.env.MONGODB_URI ?? server!.uri;
  const client = await MongoClient.connect(uri);
  const databaseName = `bench_cases_${runId}`;
  const db = client.db(databaseName);
  const probeDb = client.db(`${databaseName}_probe`);

  try {
    const serverVersion = await describeServer(client, server);
    const onFerretdb = 'ferretdbVersion' in (await client.db('admin').command({ buildInfo: 1 }));
    // The store as the bot wires it (bot/index.ts): log, index, commands over the DARS workflow.
    const log = new CaseLog(db);
    const index = new CaseIndex(db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const commands: DarsCaseCommands = new CaseCommands(log, index, darsWorkflow(cardsShowing));
    // The queries read through a view whose finds give up at the time limit (server-side).
    const timed = withMaxTime(db, settings.queryLimitSeconds * 1000);
    const queries = new CaseQueries(new CaseIndex(timed), new CaseStates(new CaseLog(timed)), describeEvent, () => benchNow);

    const plan = planCases(settings.cases, seededRandom(20260901));

    progress('probe: replaying one journey per status through the store and comparing with its clone');
    const samples = statusMix.map(([status]) => ({ status, day: plan.find((planned) => planned.status === status)?.day ?? '2026-06-01' }));
    const probe = await probeClones(probeDb, samples);

    progress(`seeding ${thousands(settings.cases)} cases in batches of ${settings.seedBatch}, ${settings.seedWriters} in flight`);
    const seeded = await seedCases(log, index, plan, { batchSize: settings.seedBatch, writers: settings.seedWriters, today: londonDate(benchNow) }, progress);

    progress('bringing the table statistics up to date');
    const statistics = await analyseAfterSeeding(db, ['caseCommits', 'cases', 'caseSnapshots', 'caseDueDays'], onFerretdb);
    const loadAfterSeeding = os.loadavg()[0];
    const picker = new CasePicker(plan);
    const decisionRuns: DecisionRun[] = [];
    const decisionBudgetMs = settings.decisionSeconds * 1000;
    for (const concurrency of [1, 8]) {
      progress(`decisions on distinct cases, concurrency ${concurrency}`);
      decisionRuns.push(await decideOnDistinctCases(commands, picker.take(settings.decisions), concurrency, `c${concurrency}`, decisionBudgetMs));
    }
    // One case at a time: the contention that matters is on the case; more cases at once would
    // only queue their collection scans behind each other on a server that scans.
    progress(`contended decisions: up to ${settings.contended} enquiries, four writers each, one enquiry at a time`);
    decisionRuns.push(await contendedDecisions(commands, index, picker.take(settings.contended, 'enquiryUnderReview'), 1, decisionBudgetMs));

    progress('queries');
    const queryFigures = await measureQueries(queries, plan, { runs: settings.queryRuns, budgetMs: settings.querySeconds * 1000 }, progress);

    const plans = await explainLookups(db, plan[Math.floor(plan.length / 2)]);
    const measuredMs = Date.now() - runStarted - seeded.wallMs;
    console.log('');
    const load = `${loadAfterSeeding.toFixed(1)} after seeding, ${os.loadavg()[0].toFixed(1)} at the end`;
    console.log(formatReport({ settings, serverVersion, seeded, probe, decisionRuns, queryFigures, plans, load, serverPeakRssBytes: serverPeakRssBytes(), runMs: Date.now() - runStarted, measuredMs }));
    console.log(`table statistics: ${statistics.why}${statistics.analysed ? ` in ${(statistics.ms / 1000).toFixed(1)} s` : ''}`);
    const failed = decisionRuns.some((run) => run.anomalies > 0);
    return failed ? 1 : 0;
  } finally {
    if (process.env.BENCH_KEEP_DATABASE === '1') progress(`keeping the database ${databaseName} (BENCH_KEEP_DATABASE=1)`);
    else {
      progress('dropping the bench databases');
      await db.dropDatabase().catch(() => undefined);
    }
    await probeDb.dropDatabase().catch(() => undefined);
    await client.close();
    await server?.stop();
  }
}

async function describeServer(client: MongoClient, server: EmbeddedServer | undefined): Promise<string> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  // The embedded build reports its FerretDB version as "unknown"; the description names it.
  const ferretdb = typeof info.ferretdbVersion === 'string' && info.ferretdbVersion !== 'unknown' ? `, FerretDB ${info.ferretdbVersion}` : '';
  return `${server?.description ?? 'the server at MONGODB_URI'} (reports MongoDB ${String(info.version)}${ferretdb})`;
}


runBenchmark(main);
