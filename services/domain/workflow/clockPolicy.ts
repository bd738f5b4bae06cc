import { resumeClock } from '../calendar/deadlineClock';
import { compareDates, type IsoDate } from '../calendar/isoDate';
import { addWorkingDays } from '../calendar/workingDays';
import type { ClockName } from '../rules/config';
import type { HandlerContext } from './decision';
import type { CaseEventBody } from './events';
import { remainingAccessItems } from './state/accessItems';
import type { CaseState } from './state/caseState';
import type { CaseStage, CaseStatus } from './statuses';

/**
 * Which stage clock should be running after a decision, and whether it is paused. Handlers never
 * touch clocks: `decide` compares the clock the case has with the clock it should have and emits
 * the clock events that reconcile them. One place states the rule "paused while the case waits
 * on the applicant".
 */
const clockOfStage: Readonly<Partial<Record<CaseStage, ClockName>>> = {
  enquiry: 'enquiry',
  preliminaryAssessment: 'preliminaryAssessment',
  application: 'application',
  assurance: 'assurance',
  approval: 'approval',
  dsa: 'dsa',
  access: 'access',
};

const waitingOnApplicant: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'awaitingEnquiryInformation', 'awaitingFundingConfirmation', 'drafting', 'amendmentsRequested', 'awaitingAdditionalAssurance',
]);

interface DesiredClock {
  readonly clock: ClockName;
  readonly paused: boolean;
  /** When the applicant's move is due, while paused. */
  readonly respondBy?: IsoDate;
}

export function desiredClock(state: CaseState, ctx: HandlerContext): DesiredClock | undefined {
  const clock = clockOfStage[state.stage];
  if (!clock) return undefined;
  const replyBy = (): IsoDate => addWorkingDays(ctx.today, ctx.rules.clocks.applicantResponseWorkingDays, ctx.calendar);
  if (state.status === 'arrangingAccess') {
    // Access waits on the applicant only when nothing is left for DARS to do.
    const items = remainingAccessItems(state);
    if (items.length === 0 || items.some((item) => item.side === 'staff')) return { clock, paused: false };
    const cohort = items.find((item) => item.item === 'cohortFile');
    return { clock, paused: true, respondBy: cohort && cohort.item === 'cohortFile' ? cohort.dueDate : replyBy() };
  }
  return waitingOnApplicant.has(state.status) ? { clock, paused: true, respondBy: replyBy() } : { clock, paused: false };
}

export function reconcileClock(state: CaseState, ctx: HandlerContext): CaseEventBody[] {
  const want = desiredClock(state, ctx);
  const current = state.clock && state.clock.state !== 'stopped' ? state.clock : undefined;
  const today = ctx.today;
  const events: CaseEventBody[] = [];
  const stop = (): void => {
    if (!current) return;
    const late = current.state === 'running' && compareDates(today, current.due) > 0;
    events.push({ type: 'clockStopped', clock: current.name, stoppedOn: today, due: current.due, late });
  };

  if (!want) {
    stop();
    return events;
  }
  if (!current || current.name !== want.clock) {
    stop();
    const targetWorkingDays = ctx.rules.clocks.targets[want.clock];
    events.push({ type: 'clockStarted', clock: want.clock, startedOn: today, targetWorkingDays, due: addWorkingDays(today, targetWorkingDays, ctx.calendar) });
    if (want.paused && want.respondBy) events.push({ type: 'clockPaused', clock: want.clock, pausedOn: today, respondBy: want.respondBy });
    return events;
  }
  if (current.state === 'running' && want.paused && want.respondBy) {
    events.push({ type: 'clockPaused', clock: current.name, pausedOn: today, respondBy: want.respondBy });
  } else if (current.state === 'paused' && !want.paused) {
    const resumed = resumeClock(current, today, ctx.calendar);
    events.push({ type: 'clockResumed', clock: current.name, resumedOn: today, pausedWorkingDays: resumed.pausedWorkingDays, due: resumed.clock.due });
  }
  return events;
}
