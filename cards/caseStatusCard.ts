import { caseStages, remainingAccessItems, stageNames, type CaseStage, type CaseState } from '../services/domain/workflow';
import { accessItemNames } from '../services/domain/workflow/state/accessItems';
import { capitalise, clip, lastOf, momentOf } from './frame/cardText';
import { permitted, type CardOptions, type CardViewer } from './frame/cardViewer';
import { fitToBudget, frameCard } from './frame/frameCard';
import type { AdaptiveCard } from './render';
import template from './templates/caseStatus.json';
import { reasonLabel, type CardVerbs } from './actions/verbSpec';
import { historyViewFor, readableHistory } from './events/history';

/**
 * The status card anyone on a case can ask for: where the case is in the process, who holds
 * the next action and by when (overdue flagged in the header), what remains before access, and
 * the history in words, latest last: the viewer's view of it (cards/events/history.ts). DARS staff also see whether
 * the case's history verifies (its hash chain, `options.history`).
 */
export function caseStatusCard(state: CaseState, viewer: CardViewer, now: Date, options: CardOptions = {}): AdaptiveCard {
  const can = permitted(state, viewer);
  return fitToBudget((fit) => {
    // The viewer's view of the history: the applicant's side without staff-only detail.
    const { shown, earlier } = lastOf(readableHistory(state, historyViewFor(viewer.roles)), fit.items);
    return frameCard(
      template,
      {
        progress: progressLine(state),
        ...integrityLine(viewer, options),
        remaining: remainingAccessItems(state).map((item) => ({ text: capitalise(accessItemNames[item.item]) })),
        earlier,
        timeline: shown.map((entry) => ({ when: momentOf(entry.at), what: clip(entry.what, Math.min(fit.text, 500)) })),
        can: { arrange: can('arrangeAccess'), withdraw: can('withdraw'), close: can('close') },
      },
      { state, viewer, now, options, title: `Case ${state.reference}`, card: 'caseStatus', actions: ['arrangeAccess', 'withdraw', 'close'] },
    );
  });
}

/** "Enquiry ✓ · Preliminary assessment ✓ · Application ▶ · Assurance · …". */
function progressLine(state: CaseState): string {
  const stages = caseStages.filter((stage): stage is Exclude<CaseStage, 'closed'> => stage !== 'closed');
  const reached = reachedStage(state);
  const at = stages.indexOf(reached);
  const done = state.status === 'accessArranged';
  return stages
    .map((stage, i) => `${capitalise(stageNames[stage])}${done || i < at ? ' ✓' : i === at ? (state.stage === 'closed' ? ' ✗' : ' ▶') : ''}`)
    .join(' · ');
}

/** The stage the case is at, or for a closed case the stage it closed in (its last clock's). */
function reachedStage(state: CaseState): Exclude<CaseStage, 'closed'> {
  if (state.stage !== 'closed') return state.stage;
  const clock = [...state.history].reverse().find((event) => event.type === 'clockStarted');
  return clock?.type === 'clockStarted' ? clock.clock : 'enquiry';
}

/** For DARS staff: whether the stored history is as it was written (its hash chain), in a line. */
function integrityLine(viewer: CardViewer, options: CardOptions): { integrity: string; integrityColor: string; integrityWeight: string } {
  const verdict = options.history;
  const staff = viewer.roles.includes('staff') || viewer.roles.includes('darsContact');
  if (!verdict || !staff) return { integrity: '', integrityColor: 'Default', integrityWeight: 'Default' };
  return verdict.intact
    ? { integrity: `History verified: ${verdict.commits} ${verdict.commits === 1 ? 'decision' : 'decisions'}, each sealed (SHA-256) and chained to the one before.`, integrityColor: 'Good', integrityWeight: 'Default' }
    : { integrity: `History does not verify: broken at version ${verdict.version}: ${verdict.problem}. Tell the DARS service owner.`, integrityColor: 'Attention', integrityWeight: 'Bolder' };
}

/** The case's own decisions, on the status card every person on the case can open. */
export const caseStatusVerbs = {
  'access.arrange': { command: 'arrangeAccess', build: () => ({}) },
  'case.withdraw': { command: 'withdraw', build: (i) => ({ reason: i.text('reason') }), labels: reasonLabel('Why you are withdrawing') },
  'case.close': { command: 'close', build: (i) => ({ reason: i.text('reason') }), labels: reasonLabel('Why DARS is closing the case') },
} as const satisfies CardVerbs;
