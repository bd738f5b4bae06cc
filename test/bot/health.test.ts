import assert from 'node:assert/strict';

import { startEmbeddedServer } from '../../services/database/embeddedServer';
import { BotProcess } from '../support/botProcess';
import { freshDatabase } from '../support/testDatabase';

describe('GET /healthz', () => {
  it('reports ok while the database answers, and 503 when it stops answering', async function () {
    // A database server of this test's own, so it can be stopped.
    const server = await startEmbeddedServer({ purpose: 'throwaway', dataDirectory: '', log: () => undefined });
    const bot = await BotProcess.start({ databaseName: freshDatabase('health').name, env: { MONGODB_URI: server.uri } });
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
