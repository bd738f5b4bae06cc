import type { CommandResult } from '../../services/storage/cases/caseCommands';
import type { CaseIndex } from '../../services/storage/cases/caseIndex';
import type { DarsCaseCommands } from '../../services/storage/cases/darsWorkflow';
import type { Actor, CaseCommand, CaseEvent, CaseState } from '../../services/domain/workflow';
import { applicantActor, benchNow, darsStaff, staffActor, type PlannedCase, type SeededStatus } from './population';

/**
 * Decisions through `CaseCommands.execute` — load the commits, fold, decide, insert the commit,
 * rewrite the `cases` projection — on seeded cases, each with a command valid at its status
 * from a person allowed to issue it. Each case is decided on once per run, so a run measures
 * decisions, not conflicts; the contended run has several writers on each case at once.
 *
 * Each run stops starting decisions once its time budget is spent (those in flight finish): on
 * a server that scans a collection for every lookup, a decision can take seconds.
 */

export interface DecisionRun {
  readonly label: string;
  readonly wallMs: number;
  readonly latenciesMs: readonly number[];
  readonly outcomes: Readonly<Record<CommandResult<CaseState, CaseEvent>['kind'], number>>;
  /** Should be 0. Distinct cases: decisions not applied; contended: cases without exactly one applied decision. */
  readonly anomalies: number;
  readonly cases: number;
  readonly stoppedByBudget: boolean;
}

/** The commands the bench decides, by the status they apply at. */
const commandAt: Partial<Record<SeededStatus, (c: PlannedCase, i: number) => { actor: Actor; command: CaseCommand }>> = {
  enquiryUnderReview: (c) => ({ actor: staffActor(c.triage), command: { type: 'acceptEnquiry' } }),
  assessing: (c) => ({ actor: staffActor(c.triage), command: { type: 'requestEarlyAdvice', question: 'Is linking GP data to readmissions contentious?' } }),
  awaitingDarsContact: (c, i) => ({ actor: staffActor(c.triage), command: { type: 'allocateDarsContact', contact: darsStaff[i % darsStaff.length] } }),
  drafting: (c, i) => ({
    actor: applicantActor(c.applicant),
    command: {
      type: 'saveApplicationSection',
      section: 'expectedOutcomes',
      content: { outcomes: `A peer-reviewed paper and a dashboard (draft ${i}).`, measurableBenefits: 'Guidance to reduce readmissions by 5%.' },
    },
  }),
  underAcceptanceReview: (c) => ({
    actor: staffActor(c.contact),
    command: { type: 'requestAmendments', comments: [{ section: 'expectedOutcomes', comment: 'Say how the benefit will be measured.' }] },
  }),
};

export const decidableStatuses = Object.keys(commandAt) as SeededStatus[];

/** Hands out seeded cases at the decidable statuses, round the statuses, never one twice. */
export class CasePicker {
  private readonly byStatus = new Map<SeededStatus, PlannedCase[]>();
  private turn = 0;

  constructor(plan: readonly PlannedCase[]) {
    for (const status of decidableStatuses) this.byStatus.set(status, []);
    for (const planned of plan) this.byStatus.get(planned.status)?.push(planned);
  }

  take(count: number, only?: SeededStatus): PlannedCase[] {
    const taken: PlannedCase[] = [];
    const statuses = only ? [only] : decidableStatuses;
    while (taken.length < count && statuses.some((status) => this.byStatus.get(status)!.length > 0)) {
      const queue = this.byStatus.get(statuses[this.turn++ % statuses.length])!;
      const next = queue.pop();
      if (next) taken.push(next);
    }
    return taken;
  }
}

export async function decideOnDistinctCases(
  commands: DarsCaseCommands,
  cases: readonly PlannedCase[],
  concurrency: number,
  label: string,
  budgetMs: number,
): Promise<DecisionRun> {
  const outcomes = emptyOutcomes();
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const inBudget = () => performance.now() - started < budgetMs;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < cases.length && inBudget()) {
        const i = next++;
        const planned = cases[i];
        const { actor, command } = commandAt[planned.status]!(planned, i);
        const key = `bench-${label}-${i}`;
        const t0 = performance.now();
        const result = await commands.execute(command, { caseId: planned.reference, key, now: benchNow, context: { actor, activityId: key, now: benchNow } });
        latenciesMs.push(performance.now() - t0);
        outcomes[result.kind] += 1;
      }
    }),
  );
  // Every case is decided on once, so anything but "applied" is an anomaly.
  return { label, wallMs: performance.now() - started, latenciesMs, outcomes, anomalies: next - outcomes.applied, cases: next, stoppedByBudget: next < cases.length };
}

/**
 * Several people act on the same enquiry at once, the way Teams delivers it: two staff click
 * different buttons on the same review card (both carry the version the card showed), one types
 * "accept" in chat (no version: decided on whatever the case is by then), and Teams retries the
 * first click (same activity id). Exactly one decision per case should be applied; the others
 * come back stale, refused (no longer possible) or replayed (the first outcome).
 */
export async function contendedDecisions(
  commands: DarsCaseCommands,
  index: CaseIndex,
  cases: readonly PlannedCase[],
  caseConcurrency: number,
  budgetMs: number,
): Promise<DecisionRun> {
  const outcomes = emptyOutcomes();
  const latenciesMs: number[] = [];
  let anomalies = 0;
  let next = 0;
  const started = performance.now();
  const inBudget = () => performance.now() - started < budgetMs;
  await Promise.all(
    Array.from({ length: caseConcurrency }, async () => {
      while (next < cases.length && inBudget()) {
        const planned = cases[next++];
        // The version the review card shows: cards are rendered from the stored case.
        const shownVersion = (await index.get(planned.reference))?.version ?? 0;
        const run = (key: string, command: CaseCommand, actor: Actor, card: boolean) => async () => {
          const t0 = performance.now();
          const result = await commands.execute(command, {
            caseId: planned.reference,
            key,
            now: benchNow,
            context: { actor, activityId: key, now: benchNow },
            ...(card ? { shown: { version: shownVersion } } : {}),
          });
          latenciesMs.push(performance.now() - t0);
          outcomes[result.kind] += 1;
          return result.kind;
        };
        const [first, second] = [staffActor(planned.triage), staffActor(planned.contact)];
        const writers = [
          run(`${planned.reference}/click-accept`, { type: 'acceptEnquiry' }, first, true),
          run(`${planned.reference}/click-decline`, { type: 'declineEnquiry', reason: 'The data is published openly.', alternatives: ['NHS England open data portal'] }, second, true),
          run(`${planned.reference}/chat-accept`, { type: 'acceptEnquiry' }, second, false),
          run(`${planned.reference}/click-accept`, { type: 'acceptEnquiry' }, first, true),
        ];
        const kinds = await Promise.all(writers.map((writer) => writer()));
        if (kinds.filter((kind) => kind === 'applied').length !== 1) anomalies += 1;
      }
    }),
  );
  return { label: 'contended', wallMs: performance.now() - started, latenciesMs, outcomes, anomalies, cases: next, stoppedByBudget: next < cases.length };
}

function emptyOutcomes(): Record<CommandResult<CaseState, CaseEvent>['kind'], number> {
  return { applied: 0, replayed: 0, refused: 0, stale: 0 };
}
