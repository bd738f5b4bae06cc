import { checkPermission, movedOnSince, rolesOnCase, type Actor, type CaseEvent, type CaseState } from '../../services/domain/workflow';

/**
 * Checks a click must pass before the bot does any work for it. Generating the DSA renders a PDF
 * and stores its bytes before the command can even be built (the command carries the document's
 * hash), so those checks run first, on the case as the click loaded it: the card must show the
 * case as it is, and the clicker must be allowed to generate the DSA now (the workflow's own
 * permission table). The commit checks both again; this only keeps a refused or stale click
 * from rendering and storing documents.
 */
export const staleCardNotice = 'This case has moved on since this card was shown, so nothing was changed. Here it is now.';

export function refusalBeforeRenderingDsa(state: CaseState, events: readonly CaseEvent[], shownVersion: number | undefined, actor: Actor): string | undefined {
  if (shownVersion !== undefined && shownVersion !== state.version && movedOnSince(events, shownVersion)) return staleCardNotice;
  const permission = checkPermission('generateDsa', state, rolesOnCase(actor, state));
  return 'outcome' in permission ? permission.reason : undefined;
}
