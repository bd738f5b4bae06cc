import restify from 'restify';

import type { DarsAdapter } from './adapter';
import type { DarsBot } from '../turns/darsBot';
import { messagesDoor } from './door';
import type { TurnAftermath } from './turnAftermath';
import { documentRoute, type DocumentServing } from '../documents/documentRoute';
import type { Logger } from '../runtime/logger';

/** Teams caps an activity well below this; a larger body is refused (413) before it is parsed. */
const maxActivityBytes = 1024 * 1024;

/**
 * The HTTP surface: POST /api/messages for the Bot Framework (through the door, which checks
 * the token and the activity before any turn), GET /healthz for load balancers and people
 * (200 when the database answers, 503 when it does not), GET /documents/:token for the
 * documents on signature cards.
 */
export function createServer(adapter: DarsAdapter, bot: DarsBot, databaseIsHealthy: () => Promise<boolean>, logger: Logger, documents?: DocumentServing, aftermath?: TurnAftermath): restify.Server {
  // A document link's token (bot/documents/documentLinks.ts) is longer than the router's default 100-character path parameter.
  const routerOptions = { maxParamLength: 1000 };
  const server = restify.createServer({ name: 'dars-bot', handleUncaughtExceptions: false, ...routerOptions });

  // The body is read as text and parsed by the door, so that a malformed one gets our own short reason.
  server.post('/api/messages', restify.plugins.bodyReader({ maxBodySize: maxActivityBytes }), messagesDoor(adapter, bot, logger, aftermath));

  server.get('/healthz', async (_req, res) => {
    const database = await databaseIsHealthy();
    res.status(database ? 200 : 503);
    res.json({ status: database ? 'ok' : 'unavailable', database: database ? 'ok' : 'not answering' });
  });

  // The documents people sign, by the signed, expiring links on their cards (bot/documents/documentLinks.ts).
  if (documents) server.get('/documents/:token', documentRoute(documents));

  return server;
}
