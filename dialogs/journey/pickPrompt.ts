import { MessageFactory, type TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult } from 'botbuilder-dialogs';
import { replyOrAccept, type Recognition } from '../recognition';

/**
 * A choice whose options are only known at run time (the person's case references, the sections
 * DARS commented on, yes/no with a question naming the case). The options travel in the prompt's
 * state, so the question survives a restart. Recognition<string> is pure; the validator explains.
 */
export interface Pick {
  readonly value: string;
  readonly label: string;
  readonly synonyms?: readonly string[];
  /** Shown as a quick reply (default true); others can still be typed. */
  readonly offered?: boolean;
}

export interface PickOptions {
  readonly text: string;
  readonly picks: readonly Pick[];
}


const normalise = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

export const yesNoPicks: readonly Pick[] = [
  { value: 'yes', label: 'yes', synonyms: ['y', 'yes please', 'confirm', 'ok', 'okay'] },
  { value: 'no', label: 'no', synonyms: ['n', 'no thanks', 'not now'] },
];

/** Options for `beginDialog(pickPromptId, …)`. */
export function pick(text: string, picks: readonly Pick[]): PromptOptions {
  const options: PickOptions = { text, picks };
  return { validations: options };
}

export function matchPick(typed: string, picks: readonly Pick[]): Pick | undefined {
  const key = normalise(typed);
  if (key === '') return undefined;
  const exact = picks.find((candidate) => [candidate.value, candidate.label, ...(candidate.synonyms ?? [])].some((name) => normalise(name) === key));
  if (exact) return exact;
  if (/^\d+$/.test(key)) return picks.filter((candidate) => candidate.offered !== false)[Number(key) - 1];
  const starting = picks.filter((candidate) => key.length >= 3 && normalise(candidate.label).startsWith(key));
  return starting.length === 1 ? starting[0] : undefined;
}

export class PickPrompt extends Prompt<unknown> {
  constructor(id: string) {
    super(id, replyOrAccept);
  }

  protected async onPrompt(context: TurnContext, _state: object, options: PromptOptions, _isRetry: boolean): Promise<void> {
    const { text, picks } = pickOptionsOf(options);
    const offered = picks.filter((candidate) => candidate.offered !== false).map((candidate) => candidate.label);
    await context.sendActivity(MessageFactory.suggestedActions(offered, text));
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<Recognition<string>>> {
    const { picks } = pickOptionsOf(options);
    const found = matchPick(context.activity.text ?? '', picks);
    if (found) return { succeeded: true, value: { kind: 'answer', value: found.value } };
    const offered = picks.filter((candidate) => candidate.offered !== false).map((candidate) => `**${candidate.label}**`);
    return { succeeded: true, value: { kind: 'reply', message: `Please choose one of: ${offered.join(', ')}. Or say **cancel** to stop.` } };
  }
}

function pickOptionsOf(options: PromptOptions): PickOptions {
  return (options.validations as PickOptions | undefined) ?? { text: '', picks: [] };
}

