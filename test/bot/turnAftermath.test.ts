import assert from 'node:assert/strict';

import { TurnAftermath } from '../../bot/door/turnAftermath';

/** The delivery road's look after a decision waits for the turn's answer, and is never lost. */
describe('Work a turn sets going', () => {
  it('starts once the turn has answered, once however often the turn asked', async () => {
    const aftermath = new TurnAftermath();
    const happened: string[] = [];
    const kick = () => happened.push('kick');
    await aftermath.around(async () => {
      aftermath.after(kick);
      await new Promise((resolve) => setImmediate(resolve));
      aftermath.after(kick);
      happened.push('answered');
    });
    assert.deepEqual(happened, ['answered', 'kick']);
  });

  it('starts at once outside a turn, and for async work that outlives its turn', async () => {
    const aftermath = new TurnAftermath();
    const happened: string[] = [];
    aftermath.after(() => happened.push('outside'));
    let later: Promise<void> | undefined;
    await aftermath.around(async () => {
      later = new Promise<void>((resolve) => setTimeout(() => {
        aftermath.after(() => happened.push('after the answer'));
        resolve();
      }, 5));
    });
    await later;
    assert.deepEqual(happened, ['outside', 'after the answer']);
  });

  it('still starts the work when the turn failed', async () => {
    const aftermath = new TurnAftermath();
    let kicked = false;
    await assert.rejects(aftermath.around(async () => {
      aftermath.after(() => (kicked = true));
      throw new Error('the turn failed');
    }));
    assert.equal(kicked, true);
  });
});
