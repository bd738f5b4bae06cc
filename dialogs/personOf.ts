import type { TurnContext } from 'botbuilder';

import type { Person } from './desks';

/** The person who sent this activity, by Entra object id: the only identity DARS Bot trusts. */
export function personOf(context: TurnContext): Person {
  const from = context.activity.from;
  return { id: from.aadObjectId ?? from.id, name: from.name ?? 'Unknown' };
}
