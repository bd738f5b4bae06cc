import {
  checkPermission, describeHolder, isAllowed, permissions, rolesOnCase, statusInfo,
  type Actor, type CaseState, type PermissionKey,
} from '../../services/domain/workflow';
import { plainInMarkdown } from '../../services/domain/text/markdownText';

/**
 * Which case a request in chat is about. The workflow's permission table decides which of the
 * person's cases the step is possible on now: one such case is used; several are offered by
 * reference; none gets the workflow's own explanation of what each case is waiting for.
 */
export type CaseChoice =
  | { readonly kind: 'chosen'; readonly reference: string }
  | { readonly kind: 'ask'; readonly references: readonly string[] }
  | { readonly kind: 'explain'; readonly message: string };

export interface CaseChoiceInput {
  readonly cases: readonly CaseState[];
  readonly actor: Actor;
  /** The steps that would do (e.g. submit or resubmit); the first one explains a refusal. */
  readonly keys: readonly [PermissionKey, ...PermissionKey[]];
  /** A reference the person typed ("withdraw DARS-2026-00042"). */
  readonly typedReference?: string;
}

export const referencePattern = /\bDARS-\d{4}-\d{5}\b/i;

export function canDo(state: CaseState, actor: Actor, keys: readonly PermissionKey[]): boolean {
  const roles = rolesOnCase(actor, state);
  return keys.some((key) => isAllowed(key, state.status, roles));
}

/** "**DARS-2026-00042** is at application, … Next: … (you)." */
export function caseLine(state: CaseState, viewerId: string): string {
  const next = state.nextAction;
  const holders = next?.holders.map((holder) => (holder.kind === 'person' && holder.id === viewerId ? 'you' : describeHolder(holder))) ?? [];
  return `**${state.reference}** is ${statusInfo[state.status].now}.${next ? ` Next: ${plainInMarkdown(next.description)} (${plainInMarkdown(holders.join(', '))}).` : ''}`;
}

function whyNot(state: CaseState, actor: Actor, key: PermissionKey): string {
  const decision = checkPermission(key, state, rolesOnCase(actor, state));
  return 'outcome' in decision ? `**${state.reference}**: ${decision.reason}` : caseLine(state, actor.id);
}

export function chooseCase(input: CaseChoiceInput): CaseChoice {
  const { cases, actor, keys } = input;
  const [first] = keys;
  if (cases.length === 0) return { kind: 'explain', message: 'You have no DARS cases yet. Say **new enquiry** to start one.' };

  if (input.typedReference) {
    const typed = input.typedReference.toUpperCase();
    const named = cases.find((state) => state.reference === typed);
    if (!named) {
      return { kind: 'explain', message: `I can't find ${typed} among your cases. Yours are: ${cases.map((state) => state.reference).join(', ')}.` };
    }
    return canDo(named, actor, keys) ? { kind: 'chosen', reference: named.reference } : { kind: 'explain', message: whyNot(named, actor, first) };
  }

  const open = cases.filter((state) => state.stage !== 'closed');
  if (open.length === 0) {
    return { kind: 'explain', message: `Your DARS cases are all closed:\n\n${cases.map((state) => `- ${caseLine(state, actor.id)}`).join('\n')}` };
  }
  const possible = open.filter((state) => canDo(state, actor, keys));
  const [only] = possible;
  if (possible.length === 1 && only) return { kind: 'chosen', reference: only.reference };
  if (possible.length > 1) return { kind: 'ask', references: possible.map((state) => state.reference) };
  const [single] = open;
  if (open.length === 1 && single) return { kind: 'explain', message: whyNot(single, actor, first) };
  return {
    kind: 'explain',
    message: `None of your open cases is at a step where you can ${permissions[first].action}:\n\n${open.map((state) => `- ${caseLine(state, actor.id)}`).join('\n')}`,
  };
}
