import assert from 'node:assert/strict';

import { startTestBot } from '../support/testBot';
import { DatabaseProxy } from '../support/databaseProxy';
import { freshDatabase } from '../support/testDatabase';

describe('GET /healthz', () => {
  it('reports ok while the database answers, and 503 when it stops answering', async function () {
    // The bot reaches the database through a relay this test can cut (and gives up on a server
    // after a second, so that stopping it with the relay cut does not wait the default ten).
    const server = await DatabaseProxy.start();
    const bot = await startTestBot({ databaseName: freshDatabase('health').name, env: { MONGODB_URI: server.uri(1000) } });
    try {
      const healthy = await fetch(`${bot.url}/healthz`);
      assert.equal(healthy.status, 200);
      assert.deepEqual(await healthy.json(), { status: 'ok', database: 'ok' });

      await server.stop();
      const unhealthy = await fetch(`${bot.url}/healthz`);
      assert.equal(unhealthy.status, 503);
      assert.deepEqual(await unhealthy.json(), { status: 'unavailable', database: 'not answering' });
    } finally {
      await bot.stop();
      await server.stop();
    }
  });
});
