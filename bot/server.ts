import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';

import type { DarsBot } from './darsBot';

/**
 * The HTTP surface: POST /api/messages for the Bot Framework, GET /healthz for load balancers
 * and people (200 when the database answers, 503 when it does not).
 */
export function createServer(adapter: CloudAdapter, bot: DarsBot, databaseIsHealthy: () => Promise<boolean>): restify.Server {
  const server = restify.createServer({ name: 'dars-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());

  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req, res) => {
    const database = await databaseIsHealthy();
    res.status(database ? 200 : 503);
    res.json({ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'not answering' });
  });

  return server;
}
