import assert from 'node:assert/strict';

import type { SentActivity } from '../../support/connectorStandIn';
import { cardOf } from '../../support/teams';

/**
 * What Teams sends when a person presses an Action.Execute: the inputs the button "sees"
 * (associatedInputs "auto": those of the card the button sits on and of every card above it, not
 * those inside other Action.ShowCard cards), each with the value the person left or typed. The
 * person can only type into inputs that are there, and Teams refuses to send while a required
 * input is empty or a choice is not one offered — so a test that fills a card this way shows the
 * card really lets its person make the decision.
 */
interface CardInput {
  readonly id: string;
  readonly type: string;
  readonly value: string | undefined;
  readonly isRequired: boolean;
  readonly valueOn: string;
  readonly valueOff: string;
  readonly choices: readonly string[];
  readonly multiSelect: boolean;
}

type Json = Record<string, unknown>;

/** The inputs directly in this card (not inside its Action.ShowCard cards), and those nested cards. */
function level(card: Json): { inputs: CardInput[]; nested: Json[]; verbs: string[] } {
  const inputs: CardInput[] = [];
  const nested: Json[] = [];
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Json;
    const type = typeof element.type === 'string' ? element.type : '';
    if (type === 'Action.ShowCard') {
      if (element.card) nested.push(element.card as Json);
      return;
    }
    if (type === 'Action.Execute' && typeof element.verb === 'string') verbs.push(element.verb);
    if (type.startsWith('Input.') && typeof element.id === 'string') {
      inputs.push({
        id: element.id,
        type,
        value: element.value === undefined || element.value === null ? undefined : String(element.value),
        isRequired: element.isRequired === true,
        valueOn: String(element.valueOn ?? 'true'),
        valueOff: String(element.valueOff ?? 'false'),
        choices: ((element.choices as { value?: unknown }[] | undefined) ?? []).map((choice) => String(choice.value)),
        multiSelect: element.isMultiSelect === true,
      });
    }
    for (const [key, value] of Object.entries(element)) if (key !== 'refresh' && key !== 'fallback') walk(value);
  };
  walk(card.body);
  walk(card.actions);
  return { inputs, nested, verbs };
}

/** The inputs an Action.Execute with this verb sends, or undefined if the card has no such button. */
export function inputsOf(card: Json, verb: string, above: CardInput[] = []): CardInput[] | undefined {
  const here = level(card);
  const inScope = [...above, ...here.inputs];
  if (here.verbs.includes(verb)) return inScope;
  for (const nested of here.nested) {
    const found = inputsOf(nested, verb, inScope);
    if (found) return found;
  }
  return undefined;
}

/**
 * The data Teams would send for `verb` on this card after the person typed `typed` (by input id):
 * every input in the button's scope at its value, the typed ones replaced. Fails, as Teams would
 * refuse, when a typed input is not on the card, a choice is not offered, or a required input is empty.
 */
export function filledInputs(activity: SentActivity, verb: string, typed: Readonly<Record<string, string>> = {}): Record<string, string> {
  const card = cardOf(activity);
  assert.ok(card, 'the message carries a card');
  const inputs = inputsOf(card, verb);
  assert.ok(inputs, `the card offers "${verb}"`);
  const byId = new Map(inputs.map((input) => [input.id, input]));
  for (const id of Object.keys(typed)) {
    assert.ok(byId.has(id), `the "${verb}" button's card has an input "${id}" (it has: ${[...byId.keys()].join(', ') || 'none'})`);
  }
  const data: Record<string, string> = {};
  for (const input of inputs) {
    const value = typed[input.id] ?? input.value ?? (input.type === 'Input.Toggle' ? input.valueOff : input.type === 'Input.Text' ? '' : undefined);
    if (value === undefined) continue;
    if (input.type === 'Input.ChoiceSet' && value !== '') {
      for (const chosen of input.multiSelect ? value.split(',') : [value]) {
        assert.ok(input.choices.includes(chosen), `"${chosen}" is one of the choices of "${input.id}" (${input.choices.join(', ')})`);
      }
    }
    if (input.type === 'Input.Toggle') assert.ok([input.valueOn, input.valueOff].includes(value), `"${input.id}" is a toggle: ${input.valueOn} or ${input.valueOff}`);
    data[input.id] = value;
  }
  for (const input of inputs.filter((candidate) => candidate.isRequired)) {
    const value = data[input.id] ?? '';
    const filled = input.type === 'Input.Toggle' ? value === input.valueOn : value.trim() !== '';
    assert.ok(filled, `Teams would not send "${verb}": the required input "${input.id}" is empty`);
  }
  return data;
}
