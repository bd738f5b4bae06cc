import type { PermissionKey } from '../../services/domain/workflow';
import type { CaseState } from '../../services/domain/workflow';
import type { AdaptiveCard } from '../render';
import { permitted, type CardViewer } from './cardViewer';

/**
 * A button on an invitation to act in the 1:1 chat ("Write the application", "Answer DARS's
 * question"…) that starts that step: pressing it says the chat command for the case
 * ("application DARS-2026-00042") as if typed (Teams `imBack`), so the step starts exactly as
 * typing it would, through the same dialog and the same permission checks. Shown only to a viewer
 * the permission table lets take the step now, so staff and finished steps get no button.
 */
export interface ChatStep {
  readonly key: PermissionKey;
  readonly title: string;
  /** The chat command, without the reference (added here). */
  readonly command: string;
}

export function withChatStep(card: AdaptiveCard, state: CaseState, viewer: CardViewer, step: ChatStep): AdaptiveCard {
  if (!permitted(state, viewer)(step.key)) return card;
  const button = { type: 'Action.Submit', title: step.title, data: { msteams: { type: 'imBack', value: `${step.command} ${state.reference}` } } };
  return { ...card, actions: [...(Array.isArray(card.actions) ? (card.actions as unknown[]) : []), button] };
}
