import type { CaseIndex } from '../../services/storage/cases/caseIndex';
import type { CaseLog } from '../../services/storage/cases/caseLog';
import type { StoredSnapshot } from '../../services/storage/cases/caseSnapshots';
import { buildTemplate, cloneCase, type CaseTemplate } from './journeys';
import type { PlannedCase, SeededStatus } from './population';

/**
 * Seeds the planned cases: each is a clone of a template journey (one per status and day,
 * built on first use), written with bulk `insertMany` into `caseCommits`, `cases` and
 * `caseSnapshots` in batches.
 * A couple of batches are in flight at once so the server never waits for the bench to render
 * the next one; more would only make the server's two cores take turns.
 */

export interface SeedOptions {
  /** Cases per batch; their commits go in batches of the same number of documents. */
  readonly batchSize: number;
  /** Batches in flight at once. */
  readonly writers: number;
  /** The bench's today, to count the overdue cases seeded. */
  readonly today: string;
}

export interface SeedFigures {
  readonly cases: number;
  readonly commits: number;
  readonly templates: number;
  readonly templateMs: number;
  readonly wallMs: number;
  readonly recordChars: number;
  readonly commitChars: number;
  readonly open: number;
  readonly overdue: number;
}

export async function seedCases(
  log: CaseLog,
  index: CaseIndex,
  plan: readonly PlannedCase[],
  options: SeedOptions,
  progress: (message: string) => void,
): Promise<SeedFigures> {
  const library = new TemplateLibrary();
  const snapshots = log.db.collection<StoredSnapshot>('caseSnapshots');
  const started = Date.now();
  let next = 0;
  let cases = 0;
  let commits = 0;
  let recordChars = 0;
  let commitChars = 0;
  let reported = 0;
  let open = 0;
  let overdue = 0;

  const writer = async () => {
    while (next < plan.length) {
      const batch = plan.slice(next, next + options.batchSize);
      next += batch.length;
      // The plan is in day order, so templates of earlier days are never needed again.
      library.forgetBefore(batch[0].day);
      const clones = batch.map((planned) => cloneCase(library.get(planned.status, planned.day), planned));
      const commitDocs = clones.flatMap((clone) => clone.commits);
      // Counted from the server's acknowledgements: counting afterwards would read every
      // document on FerretDB 1.x (even estimatedDocumentCount does).
      // (Awaited first, then added: `cases += await …` would add to a stale total when batches overlap.)
      for (let i = 0; i < commitDocs.length; i += options.batchSize) {
        const inserted = await log.commits.insertMany(commitDocs.slice(i, i + options.batchSize), { ordered: false });
        commits += inserted.insertedCount;
      }
      const inserted = await index.cases.insertMany(clones.map((clone) => clone.record), { ordered: false });
      cases += inserted.insertedCount;
      await snapshots.insertMany(clones.map((clone) => clone.snapshot), { ordered: false });
      // As CaseIndex.write does: list each due day (once per day; the registry remembers).
      for (const clone of clones) if (clone.record.nextDue) await index.dueDays.note(clone.record.nextDue);

      for (const clone of clones) {
        recordChars += clone.recordChars;
        commitChars += clone.commitChars;
        if (clone.record.open) open += 1;
        if (clone.record.open && clone.record.nextDue !== undefined && clone.record.nextDue < options.today) overdue += 1;
      }
      if (cases - reported >= plan.length / 10 || cases === plan.length) {
        reported = cases;
        const seconds = (Date.now() - started) / 1000;
        progress(`seeded ${cases.toLocaleString('en-GB')} cases, ${commits.toLocaleString('en-GB')} commits in ${seconds.toFixed(0)} s (${(cases / seconds).toFixed(0)} cases/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.writers }, writer));

  return { cases, commits, templates: library.built, templateMs: library.buildMs, wallMs: Date.now() - started, recordChars, commitChars, open, overdue };
}

/** Template journeys by status and day, built on first use. */
export class TemplateLibrary {
  private readonly templates = new Map<string, CaseTemplate>();
  built = 0;
  buildMs = 0;

  get(status: SeededStatus, day: string): CaseTemplate {
    const key = `${day} ${status}`;
    let template = this.templates.get(key);
    if (!template) {
      const started = performance.now();
      template = buildTemplate(status, day);
      this.buildMs += performance.now() - started;
      this.built += 1;
      this.templates.set(key, template);
    }
    return template;
  }

  forgetBefore(day: string): void {
    for (const [key, template] of this.templates) if (template.day < day) this.templates.delete(key);
  }
}
