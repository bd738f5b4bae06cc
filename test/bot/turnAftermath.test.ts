import assert from 'node:assert/strict';

import { TurnAftermath } from '../../bot/door/turnAftermath';

/** The delivery road's look after a decision waits for the turn's answer, and is never lost. */
describe('Work a turn sets going', () => {
  it('starts once the turn has answered, once however often the turn asked', async () => {
    const aftermath = new TurnAftermath();
    const happened: string[] = [];
    const kick = () => happened.push('kick');
    await aftermath.around('activity-1', async () => {
      aftermath.after('activity-1', kick);
      await new Promise((resolve) => setImmediate(resolve));
      aftermath.after('activity-1', kick);
      happened.push('answered');
    });
    assert.deepEqual(happened, ['answered', 'kick']);
  });

  it('starts at once outside a turn, for another key, and for async work that outlives its turn', async () => {
    const aftermath = new TurnAftermath();
    const happened: string[] = [];
    aftermath.after('activity-1', () => happened.push('outside'));
    let later: Promise<void> | undefined;
    await aftermath.around('activity-1', async () => {
      aftermath.after('deadline-notice-key', () => happened.push('not this turn'));
      later = new Promise<void>((resolve) => setTimeout(() => {
        aftermath.after('activity-1', () => happened.push('after the answer'));
        resolve();
      }, 5));
    });
    await later;
    assert.deepEqual(happened, ['outside', 'not this turn', 'after the answer']);
  });

  it('a retry of a turn still under way does not hold the work: the first answer releases it', async () => {
    const aftermath = new TurnAftermath();
    const happened: string[] = [];
    let answerFirst!: () => void;
    const first = aftermath.around('activity-1', () => new Promise<void>((resolve) => (answerFirst = resolve)));
    await aftermath.around('activity-1', async () => {
      aftermath.after('activity-1', () => happened.push('kick'));
    });
    assert.deepEqual(happened, [], 'held for the turn under way');
    answerFirst();
    await first;
    assert.deepEqual(happened, ['kick']);
  });

  it('still starts the work when the turn failed', async () => {
    const aftermath = new TurnAftermath();
    let kicked = false;
    await assert.rejects(aftermath.around('activity-1', async () => {
      aftermath.after('activity-1', () => (kicked = true));
      throw new Error('the turn failed');
    }));
    assert.equal(kicked, true);
  });
});
