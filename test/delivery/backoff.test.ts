import assert from 'node:assert/strict';

import { nextSlot, teamsThreadLimits } from '../../bot/delivery/conversationPacer';
import { backoffMs, defaultDeliveryPolicy, isExhausted, nextAttemptAt } from '../../services/domain/delivery/backoff';

/** The delivery road's numbers: how long a failed delivery waits, when it gives up, how sends to one thread are spread. */
describe('delivery backoff and pacing', () => {
  const policy = { ...defaultDeliveryPolicy, baseMs: 1_000, capMs: 60_000, maxAttempts: 5, maxAgeMs: 3_600_000 };

  it('doubles the wait with each attempt, jittered between half and all of it', () => {
    assert.deepEqual([1, 2, 3, 4].map((attempt) => backoffMs(policy, attempt, 0)), [500, 1_000, 2_000, 4_000], 'no luck: half the exponential');
    assert.deepEqual([1, 2, 3, 4].map((attempt) => backoffMs(policy, attempt, 0.999999)), [1_000, 2_000, 4_000, 8_000], 'all the luck: the whole of it');
    assert.equal(backoffMs(policy, 3, 0.5), 3_000);
  });

  it('never waits longer than the cap, however many attempts', () => {
    assert.equal(backoffMs(policy, 7, 0.999999), 60_000);
    assert.equal(backoffMs(policy, 7, 0), 30_000);
    assert.equal(backoffMs(policy, 10_000, 0.999999), 60_000, 'no overflow for absurd attempt counts');
  });

  it('honours the time the server asked for (Retry-After), still within the cap', () => {
    const now = new Date('2026-06-01T10:00:00Z');
    assert.equal(nextAttemptAt(policy, 1, now, 0, new Date(now.getTime() + 30_000)).getTime(), now.getTime() + 30_000, 'longer than the backoff');
    assert.equal(nextAttemptAt(policy, 4, now, 0, new Date(now.getTime() + 1_000)).getTime(), now.getTime() + 1_000, 'shorter than the backoff');
    assert.equal(nextAttemptAt(policy, 1, now, 0, new Date(now.getTime() + 3_600_000)).getTime(), now.getTime() + 60_000, 'an hour asked for is capped');
    assert.equal(nextAttemptAt(policy, 1, now, 0, new Date(now.getTime() - 5_000)).getTime(), now.getTime(), 'a time already past means now');
    assert.equal(nextAttemptAt(policy, 2, now, 0).getTime(), now.getTime() + 1_000, 'no Retry-After: the backoff');
  });

  it('gives up after the maximum attempts or the maximum age, whichever comes first', () => {
    const written = new Date('2026-06-01T10:00:00Z');
    const later = (ms: number) => new Date(written.getTime() + ms);
    assert.equal(isExhausted(policy, 4, written, later(60_000)), false);
    assert.equal(isExhausted(policy, 5, written, later(60_000)), true, 'attempts used up');
    assert.equal(isExhausted(policy, 1, written, later(3_600_000)), true, 'too old');
    assert.equal(isExhausted(policy, 1, written, later(3_599_999)), false);
  });

  it('spreads a burst into one thread within 7 a second, 8 in 2 seconds and 60 in 30 seconds', () => {
    const slots: number[] = [];
    for (let send = 0; send < 130; send++) slots.push(nextSlot(slots, 0));
    const most = (windowMs: number) => Math.max(...slots.map((start) => slots.filter((slot) => slot >= start && slot < start + windowMs).length));
    assert.deepEqual([most(1_000), most(2_000), most(30_000)], [7, 8, 60]);
    assert.deepEqual(slots.slice(0, 8), [0, 0, 0, 0, 0, 0, 0, 1_000], 'the first seven go at once, the eighth a second later');
    assert.equal(slots[60], 30_000, 'the 61st waits for the first to leave the 30-second window');
    assert.ok(slots.every((slot, index) => index === 0 || slot >= slots[index - 1]!), 'in the order they were asked for');
  });

  it('lets a send go at once into a thread that has been quiet', () => {
    assert.equal(nextSlot([0, 100, 200], 60_000, teamsThreadLimits), 60_000);
    assert.equal(nextSlot([], 5, teamsThreadLimits), 5);
  });
});
