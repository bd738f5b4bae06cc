import { randomBytes } from 'node:crypto';
import os from 'node:os';

import { MongoClient } from 'mongodb';

import { londonDate } from '../services/calendar';
import { CaseCommands } from '../services/cases/caseCommands';
import { CaseIndex } from '../services/cases/caseIndex';
import { CaseLog } from '../services/cases/caseLog';
import { CaseQueries } from '../services/cases/caseQueries';
import { darsWorkflow, type DarsCaseCommands } from '../services/cases/darsWorkflow';
import { startEmbeddedServer, type EmbeddedServer } from '../services/database/embeddedServer';
import { stageOf } from '../services/workflow';
import { contendedDecisions, CasePicker, decideOnDistinctCases, type DecisionRun } from './cases/decisions';
import { withMaxTime } from './cases/maxTime';
import { benchNow, darsContactCount, planCases, seededRandom, statusMix } from './cases/population';
import { probeClones, type ProbeResult } from './cases/probe';
import { measureQueries, type QueryFigures } from './cases/queries';
import { seedCases, type SeedFigures } from './cases/seed';
import { formatRows, ms, thousands } from './cases/table';
import { percentile } from './stats';

/**
 * The case store benchmark: seeds a database with many cases at realistic statuses, then
 * measures decisions through decide-and-append (`CaseCommands.execute`) and the staff queue and
 * status queries (`CaseQueries`). It prints numbers and asserts nothing about speed; it exits
 * non-zero only when something went wrong (a decision not applied, a contended case with other
 * than one applied decision), so a broken store cannot look fast.
 *
 *   node dist/bench/caseStore.js        (after npx tsc -p tsconfig.json)
 *
 *   BENCH_CASES          cases seeded (default 100000)
 *   BENCH_DECISIONS      decisions per distinct-case run (default 2000)
 *   BENCH_CONTENDED      cases decided on by four writers at once (default 200)
 *   BENCH_DECISION_SECONDS  time budget per decision run: no new decision starts after it (default 30)
 *   BENCH_QUERY_RUNS     runs of each query (default 200)
 *   BENCH_QUERY_SECONDS  time budget per query, and the server-side limit of each run (default 20)
 *   BENCH_SEED_BATCH     cases per insertMany batch (default 1000)
 *   BENCH_SEED_WRITERS   batches in flight while seeding (default 3)
 *   MONGODB_URI          a server to use instead of the embedded FerretDB
 */

interface Settings {
  readonly cases: number;
  readonly decisions: number;
  readonly contended: number;
  readonly decisionSeconds: number;
  readonly queryRuns: number;
  readonly querySeconds: number;
  readonly seedBatch: number;
  readonly seedWriters: number;
}

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
    // The store as the bot wires it (bot/index.ts): log, index, commands over the DARS workflow.
    const log = new CaseLog(db);
    const index = new CaseIndex(db);
    await log.ensureIndexes();
    await index.ensureIndexes();
    const commands: DarsCaseCommands = new CaseCommands(log, index, darsWorkflow);
    // The queries read through a view whose finds give up at the query budget (server-side).
    const queries = new CaseQueries(new CaseIndex(withMaxTime(db, settings.querySeconds * 1000)), () => benchNow);

    const plan = planCases(settings.cases, seededRandom(20260901));

    progress('probe: replaying one journey per status through the store and comparing with its clone');
    const samples = statusMix.map(([status]) => ({ status, day: plan.find((planned) => planned.status === status)?.day ?? '2026-06-01' }));
    const probe = await probeClones(probeDb, samples);

    progress(`seeding ${thousands(settings.cases)} cases in batches of ${settings.seedBatch}, ${settings.seedWriters} in flight`);
    const seeded = await seedCases(log, index, plan, { batchSize: settings.seedBatch, writers: settings.seedWriters, today: londonDate(benchNow) }, progress);

    const loadAfterSeeding = os.loadavg()[0];
    const picker = new CasePicker(plan);
    const decisionRuns: DecisionRun[] = [];
    const decisionBudgetMs = settings.decisionSeconds * 1000;
    for (const concurrency of [1, 8]) {
      progress(`decisions on distinct cases, concurrency ${concurrency}`);
      decisionRuns.push(await decideOnDistinctCases(commands, picker.take(settings.decisions), concurrency, `c${concurrency}`, decisionBudgetMs));
    }
    progress(`contended decisions: up to ${settings.contended} enquiries, four writers each`);
    decisionRuns.push(await contendedDecisions(commands, index, picker.take(settings.contended, 'enquiryUnderReview'), 8, decisionBudgetMs));

    progress('queries');
    const queryFigures = await measureQueries(queries, plan, { runs: settings.queryRuns, budgetMs: settings.querySeconds * 1000 }, progress);

    const casesInDatabase = await index.cases.estimatedDocumentCount();
    console.log('');
    const load = `${loadAfterSeeding.toFixed(1)} after seeding, ${os.loadavg()[0].toFixed(1)} at the end`;
    console.log(report({ settings, serverVersion, seeded, probe, decisionRuns, queryFigures, casesInDatabase, load, runMs: Date.now() - runStarted }));
    const failed = decisionRuns.some((run) => run.anomalies > 0);
    return failed ? 1 : 0;
  } finally {
    progress('dropping the bench databases');
    await db.dropDatabase().catch(() => undefined);
    await probeDb.dropDatabase().catch(() => undefined);
    await client.close();
    await server?.stop();
  }
}

async function describeServer(client: MongoClient, server: EmbeddedServer | undefined): Promise<string> {
  const info = await client.db('admin').command({ buildInfo: 1 });
  const ferretdb = typeof info.ferretdbVersion === 'string' ? `, FerretDB ${info.ferretdbVersion}` : '';
  return `${server?.description ?? 'the server at MONGODB_URI'} (reports MongoDB ${String(info.version)}${ferretdb})`;
}

interface Report {
  readonly settings: Settings;
  readonly serverVersion: string;
  readonly seeded: SeedFigures;
  readonly probe: readonly ProbeResult[];
  readonly decisionRuns: readonly DecisionRun[];
  readonly queryFigures: readonly QueryFigures[];
  readonly casesInDatabase: number;
  /** The machine's 1-minute load average: other work on it slows every figure. */
  readonly load: string;
  readonly runMs: number;
}

function report(r: Report): string {
  const mib = (chars: number) => `${(chars / 2 ** 20).toFixed(0)} MiB`;
  const seedSeconds = r.seeded.wallMs / 1000;
  const lines = [
    `DARS Bot case store benchmark — ${r.serverVersion}`,
    `cases in the database: ${thousands(r.casesInDatabase)} (${thousands(r.seeded.open)} open, ${thousands(r.seeded.overdue)} of them overdue on ${londonDate(benchNow)}, ` +
      `${darsContactCount} DARS contacts); commits: ${thousands(r.seeded.commits)}`,
    '',
    `Seeding: ${seedSeconds.toFixed(1)} s, ${thousands(r.seeded.cases / seedSeconds)} cases/s, ${thousands(r.seeded.commits / seedSeconds)} commits/s ` +
      `(batches of ${r.settings.seedBatch}, ${r.settings.seedWriters} in flight; ${r.seeded.templates} template journeys built in ${(r.seeded.templateMs / 1000).toFixed(1)} s)`,
    `  stored as JSON: states ${mib(r.seeded.stateChars)} (mean ${thousands(r.seeded.stateChars / r.seeded.cases)} chars per case record), ` +
      `commits ${mib(r.seeded.commitChars)} (mean ${thousands(r.seeded.commitChars / r.seeded.commits)} chars per commit)`,
    probeLine(r.probe),
    '',
    `Decisions through CaseCommands.execute (load, fold, decide, insert commit, rewrite the cases record); ` +
      `up to ${r.settings.decisions} per run, ${r.settings.decisionSeconds} s budget per run`,
    formatRows(
      ['run', 'cases', 'decisions', 'wall s', 'decisions/s', 'p50 ms', 'p99 ms', 'applied', 'stale', 'refused', 'replayed', 'anomalies', 'note'],
      r.decisionRuns.map((run) => [
        run.label === 'contended' ? 'contended: 4 writers per case, 8 cases at once' : `distinct cases, concurrency ${run.label.slice(1)}`,
        String(run.cases),
        String(run.latenciesMs.length),
        (run.wallMs / 1000).toFixed(1),
        (run.latenciesMs.length / (run.wallMs / 1000)).toFixed(1),
        ms(percentile(run.latenciesMs, 50)),
        ms(percentile(run.latenciesMs, 99)),
        String(run.outcomes.applied),
        String(run.outcomes.stale),
        String(run.outcomes.refused),
        String(run.outcomes.replayed),
        String(run.anomalies),
        run.stoppedByBudget ? `stopped by the ${r.settings.decisionSeconds} s budget` : '',
      ]),
    ),
    '  anomalies: distinct runs — decisions not applied; contended — cases without exactly one applied decision',
    '',
    `Queries with ${thousands(r.casesInDatabase)} cases (CaseQueries; up to ${r.settings.queryRuns} runs each, ${r.settings.querySeconds} s budget per query)`,
    formatRows(
      ['query', 'runs', 'p50 ms', 'p99 ms', 'max ms', 'rows/run', 'note'],
      r.queryFigures.map((query) => [
        query.label,
        String(query.latenciesMs.length),
        ms(percentile(query.latenciesMs, 50)),
        ms(percentile(query.latenciesMs, 99)),
        ms(Math.max(...query.latenciesMs)),
        query.meanRows.toFixed(1),
        queryNote(query, r.settings),
      ]),
    ),
    '',
    `peak RSS of the bench process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; whole run ${(r.runMs / 1000).toFixed(0)} s; ` +
      `machine: ${os.cpus().length} cores, load average ${r.load}`,
  ];
  return lines.join('\n');
}

function probeLine(probe: readonly ProbeResult[]): string {
  const differing = probe.filter((result) => result.differences.length > 0);
  const decisions = probe.reduce((sum, result) => sum + result.decisions, 0);
  const head = `Probe: ${probe.length} journeys (${decisions} decisions) replayed through CaseCommands vs their seeded clones:`;
  if (differing.length === 0) return `${head} identical documents`;
  const lines = [`${head} ${probe.length - differing.length} identical; differences in`];
  for (const result of differing) lines.push(`    ${result.status}: ${result.differences.join(', ')}`);
  if (differing.every((result) => result.differences.join() === 'cases.nextDue' && stageOf(result.status) === 'closed')) {
    lines.push(
      '    (the store\'s record of a closed case keeps its last nextDue: CaseIndex.write $sets the new projection, which has',
      '    no nextDue, so the old one stays; the clone is written once from the final state. Queries filter open: true.)',
    );
  }
  return lines.join('\n');
}

function queryNote(query: QueryFigures, settings: Settings): string {
  const notes: string[] = [];
  if (query.timedOut > 0) notes.push(`${query.timedOut} timed out at ${settings.querySeconds} s`);
  if (query.stoppedByBudget) notes.push(`stopped by the ${settings.querySeconds} s budget`);
  if (percentile(query.latenciesMs, 50) > 1000) notes.push('SLOW: over a second per query');
  return notes.join('; ');
}

function readSettings(): Settings {
  return {
    cases: positiveInteger('BENCH_CASES', 100_000),
    decisions: positiveInteger('BENCH_DECISIONS', 2000),
    contended: positiveInteger('BENCH_CONTENDED', 200),
    decisionSeconds: positiveInteger('BENCH_DECISION_SECONDS', 30),
    queryRuns: positiveInteger('BENCH_QUERY_RUNS', 200),
    querySeconds: positiveInteger('BENCH_QUERY_SECONDS', 20),
    seedBatch: positiveInteger('BENCH_SEED_BATCH', 1000),
    seedWriters: positiveInteger('BENCH_SEED_WRITERS', 3),
  };
}

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}

/** Progress goes to stderr, so stdout carries only the results. */
function progress(message: string): void {
  console.error(`· ${message}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`The benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
