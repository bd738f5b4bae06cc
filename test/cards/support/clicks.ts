import assert from 'node:assert/strict';
import { readCardAction } from '../../../cards/cardAction';
import { renderCaseCard, type CardOptions } from '../../../cards/caseCards';
import { commandFromCardAction, type CardActionContext } from '../../../cards/verbs';
import type { Actor } from '../../../services/domain/workflow';
import type { PresentedAcceptance as Acceptance } from '../../../cards/cardsShowing';
import { type CardName } from '../../../cards/caseCards';
import type { CaseDriver } from '../../workflow/support/driver';
import { theAction, viewerOf } from './cardWalk';

/**
 * A click the way Teams makes one: the card is rendered for the person from the stored case, the
 * button must be on it, the inputs are merged into its data, the invoke value is read, the verb
 * becomes a command, and the real workflow decides.
 */
export interface Click {
  readonly card: CardName;
  readonly verb: string;
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly options?: CardOptions;
  readonly context?: Omit<CardActionContext, 'state'>;
}

export const NOW = new Date('2026-06-03T10:00:00Z');

export function click(driver: CaseDriver, actor: Actor, { card, verb, inputs = {}, options = {}, context = {} }: Click): Acceptance {
  const state = driver.case;
  const rendered = renderCaseCard(card, state, viewerOf(actor, state), NOW, options);
  const button = theAction(rendered, verb);
  const read = readCardAction({ action: { type: 'Action.Execute', verb, data: { ...button.data, ...inputs } }, trigger: 'manual' });
  assert.ok(read.ok && read.action.kind === 'decision', 'the invoke is read as a decision');
  assert.equal(read.action.version, state.version);
  const parsed = commandFromCardAction(read.action.verb, read.action.data, { state, ...context });
  assert.ok(parsed.ok, `${verb}: ${parsed.ok ? '' : parsed.problem}`);
  return driver.do(actor, parsed.command);
}
