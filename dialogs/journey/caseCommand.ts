import type { TurnContext } from 'botbuilder';

import type { CaseCommand, CaseState } from '../../services/domain/workflow';
import type { JourneyDesks } from '../desks';
import { personOf } from '../personOf';

/**
 * Runs one workflow command on a case as the person in the chat. The idempotency key is the
 * Teams activity id of the message that completed the step, so a turn Teams retries (or a
 * restart mid-turn) returns the first outcome instead of deciding twice. Each journey issues at
 * most one command per turn, so one activity id never keys two different commands.
 */
export type CommandOutcome = { readonly ok: true; readonly state: CaseState } | { readonly ok: false; readonly reason: string };

export async function runCaseCommand(context: TurnContext, desks: JourneyDesks, reference: string, command: CaseCommand): Promise<CommandOutcome> {
  await context.sendActivity({ type: 'typing' });
  const key = context.activity.id;
  if (!key) throw new Error('A command needs the activity id as its idempotency key');
  const actor = await desks.actors.actorFor(personOf(context));
  const result = await desks.cases.execute({ reference, command, actor, key });
  switch (result.kind) {
    case 'applied':
      return { ok: true, state: result.state };
    case 'replayed': {
      // A replay answers with the case its key was first used on: show it only if it is this one.
      const state = result.state?.reference === reference ? result.state : await desks.cases.caseFor(reference, personOf(context).id);
      return state ? { ok: true, state } : { ok: false, reason: `I cannot find ${reference} any more.` };
    }
    case 'refused':
      return { ok: false, reason: result.reason };
    case 'stale':
      // Dialogs do not send a shown version, so this only happens if that changes: say it plainly.
      return { ok: false, reason: `${reference} changed while you were answering. Say **status** to see where it is now, then try again.` };
  }
}
