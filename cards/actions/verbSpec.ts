import type { CommandType } from '../../services/domain/workflow';
import type { CardActionContext } from './cardActionContext';
import type { CardData, CardInputs } from './cardInputs';

/**
 * One button on a case card: its verb (Action.Execute `verb`, or `data.verb` in the
 * Action.Submit fallback) is the key in its card module's verb list; the spec says which workflow
 * command it issues and how the card's inputs become that command. Card data carries only
 * `caseId`, `version` and the inputs — plus, on a card shown to one of several reviews or
 * signatories, which one (`review`, `party`), which the workflow's permission table checks
 * against the clicker's own roles, and a fingerprint of what it showed (`shown`), so that
 * parallel work elsewhere on the case does not make it stale.
 *
 * Each card module declares the verbs of the buttons it draws (`<name>Verbs`), beside its
 * builder; the card table (caseCards.ts) pairs them with the card's name and verbs.ts joins them.
 */
export interface VerbSpec {
  readonly command: CommandType;
  readonly build: (inputs: CardInputs, context: CardActionContext, data: CardData) => Record<string, unknown>;
  /** The card's label for each command field, so a problem names what the person sees. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A card's buttons, by verb. */
export type CardVerbs = Readonly<Record<string, VerbSpec>>;

/** A card with no buttons of its own. */
export const noVerbs = {} as const satisfies CardVerbs;

export const signatureLabels = { typedName: 'Type your full name as your signature', authorityConfirmed: 'I am authorised to sign', party: 'Signatory' };
export const reasonLabel = (label: string) => ({ reason: label });
