import assert from 'node:assert/strict';

import { TestAdapter, TurnContext, type StatePropertyAccessor } from 'botbuilder';

import { ChatState } from '../../bot/turns/chatState';

import { ConversationTurns } from '../../bot/turns/conversationTurns';
import { createLogger } from '../../bot/runtime/logger';
import { MongoStorage } from '../../bot/turns/mongoStorage';
import { freshDatabase } from '../support/testDatabase';

/**
 * The turns of one 1:1 chat against bot state in the real database: in one process they run in
 * order; a write by another process in the middle of a turn makes it run once more on the state
 * that process left, so neither message is lost.
 */
describe('ConversationTurns and ChatState: one chat\'s turns and its saved state', () => {
  let storage: MongoStorage;

  beforeEach(async () => {
    storage = new MongoStorage(freshDatabase('turns').db);
    await storage.ensureIndexes();
  });

  /** A bot process: its own state cache and turn queue over the shared storage. */
  function process() {
    const state = new ChatState(storage);
    return { state, said: state.createProperty<string[]>('said'), turns: new ConversationTurns(createLogger('silent')) };
  }

  function turnIn(chat: string, text: string): TurnContext {
    return new TurnContext(new TestAdapter(), {
      type: 'message',
      id: `${chat}-${text}`,
      text,
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1/',
      conversation: { id: chat, conversationType: 'personal', isGroup: false, name: '' },
      from: { id: '29:someone', name: 'Someone' },
      recipient: { id: '28:bot', name: 'DARS Bot' },
    });
  }

  /** The turn a test runs: remembers what was said, as a dialog remembers answers. */
  async function remember(context: TurnContext, said: StatePropertyAccessor<string[]>, meanwhile?: () => Promise<void>) {
    const list = (await said.get(context, [])) ?? [];
    await said.set(context, [...list, context.activity.text]);
    await meanwhile?.();
  }

  async function storedSaid(chat: string): Promise<string[]> {
    const key = `msteams/conversations/${chat}/`;
    return ((await storage.read([key]))[key]?.said as string[] | undefined) ?? [];
  }

  it('turns of one chat arriving together each run once, in order, and all are kept', async () => {
    const { state, said, turns } = process();
    let runs = 0;
    const texts = Array.from({ length: 10 }, (_, i) => `message ${i}`);
    await Promise.all(
      texts.map((text) => {
        const context = turnIn('a:chat-1', text);
        return turns.take(context, state, async () => {
          runs += 1;
          await remember(context, said);
        });
      }),
    );
    assert.equal(runs, texts.length, 'no turn had to be repeated');
    assert.deepEqual(await storedSaid('a:chat-1'), texts);
  });

  it('a turn meeting another process\'s write runs once more on that state: both messages kept', async () => {
    const one = process();
    const other = process();
    const first = turnIn('a:chat-2', 'first');
    await one.turns.take(first, one.state, () => remember(first, one.said));

    const context = turnIn('a:chat-2', 'mine');
    let runs = 0;
    await one.turns.take(context, one.state, async () => {
      runs += 1;
      await remember(context, one.said, async () => {
        if (runs > 1) return;
        // Another process takes a turn of the same chat, after ours read the state.
        const theirs = turnIn('a:chat-2', 'theirs');
        await other.turns.take(theirs, other.state, () => remember(theirs, other.said));
      });
    });
    assert.equal(runs, 2, 'the turn ran again after the conflict');
    assert.deepEqual(await storedSaid('a:chat-2'), ['first', 'theirs', 'mine']);
  });

  it('a second conflict in a row reaches the caller, who tells the person their message was not saved', async () => {
    const one = process();
    const other = process();
    const first = turnIn('a:chat-3', 'first');
    await one.turns.take(first, one.state, () => remember(first, one.said));

    const context = turnIn('a:chat-3', 'mine');
    let interruptions = 0;
    const attempt = one.turns.take(context, one.state, () =>
      remember(context, one.said, async () => {
        const theirs = turnIn('a:chat-3', `theirs ${++interruptions}`);
        await other.turns.take(theirs, other.state, () => remember(theirs, other.said));
      }),
    );
    await assert.rejects(attempt, /eTag conflict/);
    assert.deepEqual(await storedSaid('a:chat-3'), ['first', 'theirs 1', 'theirs 2']);
  });
});
