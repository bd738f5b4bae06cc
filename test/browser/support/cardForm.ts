import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Locator } from 'playwright-core';

/**
 * The inputs of one card as a person fills them in the playground, found by the card's own input
 * ids. The playground's Adaptive Cards renderer gives each control a generated id, so an input is
 * found by its label (or a choice and a toggle by their titles) as the shipped card template
 * (cards/templates/<name>.json) spells it: a change of wording there does not stop the walk.
 */

const templateDirectory = path.resolve(__dirname, '..', '..', '..', '..', 'cards', 'templates');

interface TemplateInput {
  readonly id: string;
  readonly type: string;
  readonly label?: string;
  readonly title?: string;
  readonly choices?: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

function inputsOf(node: unknown, found: TemplateInput[] = []): TemplateInput[] {
  if (Array.isArray(node)) for (const item of node) inputsOf(item, found);
  else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && typeof element.id === 'string') found.push(element as unknown as TemplateInput);
    for (const value of Object.values(element)) inputsOf(value, found);
  }
  return found;
}

/** A template string as a pattern: `${…}` parts match anything. */
function pattern(text: string): RegExp {
  const parts = text.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^\\s*${parts.join('.*')}`);
}

export class CardForm {
  private readonly inputs: TemplateInput[];

  constructor(
    private readonly card: Locator,
    template: string,
  ) {
    this.inputs = inputsOf(JSON.parse(readFileSync(path.join(templateDirectory, `${template}.json`), 'utf8')));
  }

  /** Types into a text, number or date input. */
  async fill(inputId: string, value: string): Promise<void> {
    await this.card.getByLabel(pattern(this.input(inputId).label ?? inputId)).first().fill(value);
  }

  /** Picks the option with this title in a drop-down (a compact choice set). */
  async pick(inputId: string, optionTitle: string): Promise<void> {
    await this.card.getByRole('combobox', { name: pattern(this.input(inputId).label ?? inputId) }).first().click();
    await this.card.page().getByRole('option', { name: optionTitle, exact: true }).first().click();
  }

  /** Ticks a toggle (found by its label, or the title beside its tick box). */
  async tick(inputId: string): Promise<void> {
    const input = this.input(inputId);
    const byLabel = this.card.getByRole('checkbox', { name: pattern(input.label ?? inputId) });
    const byTitle = this.card.getByRole('checkbox', { name: pattern(input.title ?? inputId) });
    await byLabel.or(byTitle).first().check();
  }

  /** Picks a choice of an expanded choice set with fixed choices. */
  async choose(inputId: string, value: string): Promise<void> {
    const choice = this.input(inputId).choices?.find((candidate) => candidate.value === value);
    if (!choice) throw new Error(`the card's ${inputId} has no fixed choice ${value}`);
    await this.card.getByRole('radio', { name: pattern(choice.title) }).first().check();
  }

  /** Whether the card shows this input now (some inputs only in some cases). */
  async shows(inputId: string): Promise<boolean> {
    const input = this.inputs.find((candidate) => candidate.id === inputId);
    return input !== undefined && (await this.card.getByLabel(pattern(input.label ?? inputId)).count()) > 0;
  }

  private input(inputId: string): TemplateInput {
    const input = this.inputs.find((candidate) => candidate.id === inputId);
    if (!input) throw new Error(`no input ${inputId} in the card template`);
    return input;
  }
}
