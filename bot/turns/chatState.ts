import { ConversationState, type StoreItem, type TurnContext } from 'botbuilder';

/**
 * Conversation state (dialog state) whose save is conditional on what the turn read.
 *
 * botbuilder's `BotState.saveChanges` always writes with eTag `*`: the last writer wins. Two
 * turns of one chat taken at once by two bot processes would both read the same state and the
 * later save would silently drop the other's answer. This one writes with the eTag the turn read
 * (or, for a chat with no state yet, `absent`, which only a first writer can satisfy), so the
 * storage refuses the second writer with a conflict, and `ConversationTurns` runs that turn
 * again on the state the first one left. Loading and the property accessors are as in BotState.
 *
 * Change detection compares the state's JSON as the turn read it with its JSON now: what the
 * storage would write (MongoStorage stores `JSON.stringify` of it). BotState hashes a
 * replacer-driven stringify with SHA-256 instead, three times a turn here (on load, to compare,
 * and after the write); native JSON.stringify twice is the same answer for a fraction of it.
 */
const cacheKey = Symbol('darsChatState');

/**
 * The eTag for "there was nothing stored": MongoStorage versions start at 1, so it matches no
 * stored item, and an eTag on an item that does not exist yet is no conflict (MemoryStorage's
 * rule), so the first writer creates it and a second is refused.
 */
const absent = '0';

interface Cached {
  state: StoreItem;
  /** JSON.stringify(state) as last read or written; '' when nothing is stored yet, so any state is a change. */
  json: string;
  eTag: string;
}

export class ChatState extends ConversationState {
  override async load(context: TurnContext, force = false): Promise<StoreItem> {
    const cached = cachedOf(context);
    if (cached && !force) return cached.state;
    const key = await this.storageKey(context);
    const { eTag, ...state } = (await this.storage.read([key]))[key] ?? {};
    context.turnState.set(cacheKey, { state, json: JSON.stringify(state), eTag: typeof eTag === 'string' && eTag !== '' ? eTag : absent } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = cachedOf(context) ?? (force ? { state: {}, json: '', eTag: absent } : undefined);
    if (!cached) return;
    const json = JSON.stringify(cached.state);
    if (!force && cached.json === json) return;
    const key = await this.storageKey(context);
    await this.storage.write({ [key]: { ...cached.state, eTag: cached.eTag } });
    // This turn has won; a further save in the same turn overwrites its own write.
    context.turnState.set(cacheKey, { state: cached.state, json, eTag: '*' } satisfies Cached);
  }

  override clear(context: TurnContext): Promise<void> {
    context.turnState.set(cacheKey, { state: {}, json: '', eTag: cachedOf(context)?.eTag ?? absent } satisfies Cached);
    return Promise.resolve();
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(cacheKey);
    await this.storage.delete([await this.storageKey(context)]);
  }

  override get(context: TurnContext): StoreItem | undefined {
    return cachedOf(context)?.state;
  }
}

function cachedOf(context: TurnContext): Cached | undefined {
  return context.turnState.get(cacheKey) as Cached | undefined;
}
