import { MongoServerError } from 'mongodb';

import type { CaseQueries } from '../../services/storage/cases/caseQueries';
import { stageOf } from '../../services/domain/workflow';
import { darsStaff, seededRandom, statusMix, type PlannedCase } from './population';

/**
 * The staff queue and status queries, each run many times with varied arguments. A query that
 * is slow on this server (FerretDB 1.x may fetch and sort every matching document itself) stops
 * when its time budget is spent, so one slow query cannot stall the run; the count says so. Each
 * find also carries a time limit as maxTimeMS (bench/cases/maxTime.ts, set by the caller), so
 * even a single run cannot exceed it: the server gives up and the run counts as timed out.
 */

export interface QueryFigures {
  readonly label: string;
  readonly latenciesMs: readonly number[];
  /** Documents returned per run, on average: a query that returns nothing measures nothing. */
  readonly meanRows: number;
  readonly stoppedByBudget: boolean;
  /** Runs the server abandoned at the time limit (their latency counts as the limit reached). */
  readonly timedOut: number;
}

export interface QuerySettings {
  readonly runs: number;
  /** No new run starts after this. */
  readonly budgetMs: number;
}

interface QueryKind {
  readonly label: string;
  readonly run: (i: number) => Promise<number>;
}

export async function measureQueries(
  queries: CaseQueries,
  plan: readonly PlannedCase[],
  settings: QuerySettings,
  progress: (message: string) => void,
): Promise<QueryFigures[]> {
  const openStatuses = statusMix.map(([status]) => status).filter((status) => stageOf(status) !== 'closed');
  // References spread over the whole database, the same ones every run.
  const random = seededRandom(7);
  const references = Array.from({ length: settings.runs }, () => plan[Math.floor(random() * plan.length)].reference);

  const kinds: QueryKind[] = [
    {
      label: 'queue({stage, status})',
      run: async (i) => {
        const status = openStatuses[i % openStatuses.length];
        return (await queries.queue({ stage: stageOf(status), status })).length;
      },
    },
    { label: "queue({holderRole: 'pag'})", run: async () => (await queries.queue({ holderRole: 'pag' })).length },
    { label: 'mine(contactId)', run: async (i) => (await queries.mine(darsStaff[i % darsStaff.length].id)).length },
    { label: 'overdue()', run: async () => (await queries.overdue()).length },
    {
      label: 'status(reference)',
      run: async (i) => {
        const view = await queries.status(references[i % references.length]);
        if (!view) throw new Error(`status(${references[i % references.length]}) found no case`);
        return 1;
      },
    },
  ];

  const figures: QueryFigures[] = [];
  for (const kind of kinds) {
    const latenciesMs: number[] = [];
    let rows = 0;
    let timedOut = 0;
    const started = performance.now();
    let stoppedByBudget = false;
    for (let i = 0; i < settings.runs; i++) {
      if (i > 0 && performance.now() - started > settings.budgetMs) {
        stoppedByBudget = true;
        break;
      }
      const t0 = performance.now();
      try {
        rows += await kind.run(i);
      } catch (error) {
        if (!isTimeout(error)) throw error;
        timedOut += 1;
      }
      latenciesMs.push(performance.now() - t0);
    }
    progress(`${kind.label}: ${latenciesMs.length} runs (${timedOut} timed out) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const completed = latenciesMs.length - timedOut;
    figures.push({ label: kind.label, latenciesMs, meanRows: completed > 0 ? rows / completed : Number.NaN, stoppedByBudget, timedOut });
  }
  return figures;
}

function isTimeout(error: unknown): boolean {
  // MaxTimeMSExpired.
  return error instanceof MongoServerError && error.code === 50;
}
