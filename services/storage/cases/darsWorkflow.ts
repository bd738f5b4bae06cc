import {
  caseIndexFields,
  decide,
  evolve,
  foldCase,
  isStaleCard,
  type CaseCommand,
  type CaseEvent,
  type CaseState,
  type DecisionContext,
} from '../../domain/workflow';
import type { CaseWorkflow } from './caseCommands';

/** The DARS workflow (pure, services/domain/workflow) as the case commands run it. */
export const darsWorkflow: CaseWorkflow<CaseState, CaseCommand, CaseEvent, DecisionContext> = {
  fold: (events) => foldCase(events),
  evolve: (state, event) => evolve(state, event),
  decide: (state, command, context) => decide(state, command, context),
  project: (state) => caseIndexFields(state),
  isStale: (state, events, command, shown) => isStaleCard(state, events, command, shown),
};

export type DarsCaseCommands = import('./caseCommands').CaseCommands<CaseState, CaseCommand, CaseEvent, DecisionContext>;
