import os from 'node:os';

import { londonDate } from '../../services/domain/calendar';
import { stageOf } from '../../services/domain/workflow';
import { percentile } from '../stats';
import type { DecisionRun } from './decisions';
import type { PlanSummary } from './explain';
import { benchNow, darsContactCount } from './population';
import type { ProbeResult } from './probe';
import type { QueryFigures } from './queries';
import type { SeedFigures } from './seed';
import type { Settings } from './settings';
import { formatRows, ms, thousands } from './table';

/** The printed result of a case store bench run. */

export interface Report {
  readonly settings: Settings;
  readonly serverVersion: string;
  readonly seeded: SeedFigures;
  readonly probe: readonly ProbeResult[];
  readonly decisionRuns: readonly DecisionRun[];
  readonly queryFigures: readonly QueryFigures[];
  readonly plans: readonly PlanSummary[];
  /** The machine's 1-minute load average: other work on it slows every figure. */
  readonly load: string;
  /** Peak RSS of the embedded database server, when this process started it. */
  readonly serverPeakRssBytes: number | undefined;
  readonly runMs: number;
  /** The run without seeding: server start, probe, decisions, queries. */
  readonly measuredMs: number;
}

export function formatReport(r: Report): string {
  const mib = (chars: number) => `${(chars / 2 ** 20).toFixed(0)} MiB`;
  const seedSeconds = r.seeded.wallMs / 1000;
  const lines = [
    `DARS Bot case store benchmark — ${r.serverVersion}`,
    `cases in the database: ${thousands(r.seeded.cases)} (${thousands(r.seeded.open)} open, ${thousands(r.seeded.overdue)} of them overdue on ${londonDate(benchNow)}, ` +
      `${darsContactCount} DARS contacts); commits: ${thousands(r.seeded.commits)}`,
    '',
    `Seeding: ${seedSeconds.toFixed(1)} s, ${thousands(r.seeded.cases / seedSeconds)} cases/s, ${thousands(r.seeded.commits / seedSeconds)} commits/s ` +
      `(batches of ${r.settings.seedBatch}, ${r.settings.seedWriters} in flight; ${r.seeded.templates} template journeys built in ${(r.seeded.templateMs / 1000).toFixed(1)} s)`,
    `  stored as JSON: case records ${mib(r.seeded.recordChars)} (mean ${thousands(r.seeded.recordChars / r.seeded.cases)} chars per case record), ` +
      `commits ${mib(r.seeded.commitChars)} (mean ${thousands(r.seeded.commitChars / r.seeded.commits)} chars per commit)`,
    probeLine(r.probe),
    '',
    `Decisions through CaseCommands.execute (load, fold, decide, insert commit, rewrite the cases record); ` +
      `up to ${r.settings.decisions} per run, ${r.settings.decisionSeconds} s budget per run`,
    formatRows(
      ['run', 'cases', 'decisions', 'wall s', 'decisions/s', 'p50 ms', 'p99 ms', 'applied', 'stale', 'refused', 'replayed', 'anomalies', 'note'],
      r.decisionRuns.map((run) => [
        run.label === 'contended' ? 'contended: 4 writers on each case, one case at a time' : `distinct cases, concurrency ${run.label.slice(1)}`,
        String(run.cases),
        String(run.latenciesMs.length),
        (run.wallMs / 1000).toFixed(1),
        rate(run.latenciesMs.length / (run.wallMs / 1000)),
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
    `Queries with ${thousands(r.seeded.cases)} cases (CaseQueries; up to ${r.settings.queryRuns} runs each, ${r.settings.querySeconds} s budget per query, ` +
      `each run limited to ${r.settings.queryLimitSeconds} s by maxTimeMS)`,
    formatRows(
      ['query', 'runs', 'p50 ms', 'p99 ms', 'max ms', 'rows/run', 'note'],
      r.queryFigures.map((query) => [
        query.label,
        String(query.latenciesMs.length),
        ms(percentile(query.latenciesMs, 50)),
        ms(percentile(query.latenciesMs, 99)),
        ms(Math.max(...query.latenciesMs)),
        Number.isNaN(query.meanRows) ? 'n/a' : query.meanRows.toFixed(1),
        queryNote(query, r.settings),
      ]),
    ),
    '',
    'How the server runs these lookups (explain):',
    formatRows(['lookup', 'plan'], r.plans.map((plan) => [plan.label, plan.plan]), 2).split('\n').map((line) => `  ${line}`).join('\n'),
    '',
    `peak RSS: bench process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB, database server ` +
      `${r.serverPeakRssBytes === undefined ? 'n/a' : `${(r.serverPeakRssBytes / 2 ** 20).toFixed(0)} MiB (FerretDB; PostgreSQL not included)`}; whole run ${(r.runMs / 1000).toFixed(0)} s ` +
      `(seeding ${(r.seeded.wallMs / 1000).toFixed(0)} s, the rest ${(r.measuredMs / 1000).toFixed(0)} s); ` +
      `machine: ${os.cpus().length} cores, load average ${r.load}`,
  ];
  return lines.join('\n');
}

/** Rates below one a second keep their digits: 0.06 decisions/s is not 0.1. */
function rate(perSecond: number): string {
  return perSecond >= 10 ? perSecond.toFixed(1) : perSecond.toPrecision(2);
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
  if (query.timedOut > 0) notes.push(`${query.timedOut} timed out at ${settings.queryLimitSeconds} s`);
  if (query.stoppedByBudget) notes.push(`stopped by the ${settings.querySeconds} s budget`);
  if (percentile(query.latenciesMs, 50) > 1000) notes.push('SLOW: over a second per query');
  return notes.join('; ');
}
