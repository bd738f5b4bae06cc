import type { CaseCommand } from '../commands';
import type { HandlerContext, HandlerResult } from '../decision';
import type { CaseEvent, CaseEventType } from '../events';
import type { CaseState } from '../state/caseState';
import { accessDeciders, accessEvolvers } from './access';
import { applicationDeciders, applicationEvolvers } from './application';
import { assuranceDeciders, assuranceEvolvers } from './assurance';
import { clockEvolvers } from './clock';
import { dsaDeciders, dsaEvolvers } from './dsa';
import { enquiryDeciders, enquiryEvolvers } from './enquiry';
import { evidenceDeciders, evidenceEvolvers } from './evidence';
import type { Decider, Deciders, Evolver, Evolvers } from './handlers';
import { lifecycleDeciders, lifecycleEvolvers } from './lifecycle';
import { preliminaryAssessmentDeciders, preliminaryAssessmentEvolvers } from './preliminaryAssessment';

/**
 * The stages joined: one decider for every command type and one evolver for every event type.
 * The annotations are the check: a command or event a stage forgot is a `tsc` error naming it
 * ("Property 'x' is missing in type …").
 */
export const deciders: Deciders<CaseCommand> = {
  ...enquiryDeciders,
  ...preliminaryAssessmentDeciders,
  ...applicationDeciders,
  ...assuranceDeciders,
  ...dsaDeciders,
  ...accessDeciders,
  ...evidenceDeciders,
  ...lifecycleDeciders,
};

export const evolvers: Evolvers<CaseEventType> = {
  ...enquiryEvolvers,
  ...preliminaryAssessmentEvolvers,
  ...applicationEvolvers,
  ...assuranceEvolvers,
  ...dsaEvolvers,
  ...accessEvolvers,
  ...evidenceEvolvers,
  ...lifecycleEvolvers,
  ...clockEvolvers,
};

// The maps are keyed by each command's and event's own `type`; TypeScript cannot correlate a
// union's key with its member on its own, hence one widening cast each.

/** The stage's own rules for a command (the opening command is the one decided without a case). */
export function decideCommand(state: CaseState | undefined, command: CaseCommand, ctx: HandlerContext): HandlerResult {
  return (deciders[command.type] as Decider<CaseCommand>)(state as CaseState, command, ctx);
}

/** How an event changes a case that already exists. */
export function applyEvent(state: CaseState, event: CaseEvent): CaseState {
  return (evolvers[event.type] as Evolver<CaseEventType>)(state, event);
}

export { openCase } from './enquiry';
export { latestCohortDueDate } from './access';
