import { caseCommandSchema, parseCommand, type ParsedCommand } from '../services/domain/workflow';
import type { CardActionContext } from './actions/cardActionContext';
import { CardInputs, type CardData } from './actions/cardInputs';
import { describeIssues, pleaseCheck } from './actions/problems';
import type { VerbSpec } from './actions/verbSpec';
import { caseCards, type CardName } from './caseCards';

export type { CardActionContext } from './actions/cardActionContext';

/**
 * Every button on a case card, by verb: the card modules' verb lists (each beside its builder,
 * `<name>Verbs` in cards/<name>Card.ts) joined through the card table, each with the card it sits
 * on. A verb not in the table is an unreadable click; a verb on two cards fails at start-up.
 */
type CardTable = typeof caseCards;
export type CardVerb = { [N in keyof CardTable]: keyof CardTable[N]['verbs'] & string }[keyof CardTable];

/** A button's verb spec with the card it sits on: the card a click is answered with. */
export interface PlacedVerb extends VerbSpec {
  readonly card: CardName;
}

export const cardVerbs: Readonly<Record<CardVerb, PlacedVerb>> = joinVerbs();

function joinVerbs(): Record<CardVerb, PlacedVerb> {
  const joined: Record<string, PlacedVerb> = {};
  for (const [card, { verbs }] of Object.entries(caseCards) as [CardName, { verbs: Readonly<Record<string, VerbSpec>> }][]) {
    for (const [verb, spec] of Object.entries(verbs)) {
      const other = joined[verb];
      if (other) throw new Error(`The verb “${verb}” is on two cards, ${other.card} and ${card}: each button's verb names one card.`);
      joined[verb] = { ...spec, card };
    }
  }
  return joined as Record<CardVerb, PlacedVerb>;
}

/** Not a decision: Teams asks for the card again (Universal Actions refresh); data { caseId, card, review?, party? }. */
export const refreshVerb = 'card.refresh';

export function isCardVerb(verb: string): verb is CardVerb {
  return Object.hasOwn(cardVerbs, verb);
}

/**
 * The workflow command a card button asks for, built from the submitted inputs and validated by
 * the workflow's own schema — or a sentence naming each field to fix, in the card's words.
 */
export function commandFromCardAction(verb: string, data: CardData, context: CardActionContext = {}): ParsedCommand {
  if (!isCardVerb(verb)) return { ok: false, problem: `DARS Bot does not know the card action “${verb}”.` };
  const spec: PlacedVerb = cardVerbs[verb];
  const inputs = new CardInputs(data);
  const candidate = { ...spec.build(inputs, context, data), type: spec.command };
  const checked = caseCommandSchema.safeParse(candidate);
  const problems = [...inputs.problems, ...(checked.success ? [] : describeIssues(checked.error.issues, spec.labels ?? {}))];
  if (problems.length > 0) return { ok: false, problem: pleaseCheck(onePerField(problems)) };
  return parseCommand(candidate);
}

/** The first problem with each field: one input can break several parts of a command (an email the directory answers for). */
function onePerField(problems: readonly string[]): string[] {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const field = /^“[^”]*”(, line \d+)?:/.exec(problem)?.[0] ?? problem;
    if (!byField.has(field)) byField.set(field, problem);
  }
  return [...byField.values()];
}
