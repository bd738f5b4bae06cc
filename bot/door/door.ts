import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';

import type { DarsAdapter } from './adapter';
import { readIncomingActivity, type IncomingActivity } from './incomingActivity';
import { describeError, type Logger } from '../runtime/logger';
import { TurnAftermath } from './turnAftermath';

/**
 * POST /api/messages: the door every activity comes through.
 *
 * 1. The token first: in production mode a request whose token cannot be validated gets 401,
 *    whatever the reason (missing, forged, expired, or signing keys that cannot be fetched), and
 *    whatever its body; the reason goes to the log, not to the caller.
 * 2. Then the body: not JSON, not an object, or missing what every turn needs → 400 with a
 *    short reason (`{ error: { code, message } }`, the Bot Framework's error shape).
 * 3. Then the turn; an invoke's answer is the bot's invoke response. Unknown invokes and card
 *    actions of the wrong shape are answered by the bot (`darsBot.ts`), a failed turn by the
 *    adapter's turn error handler, so neither reaches here as an exception.
 * Nothing internal (stack traces, library messages) is ever returned. Only a failure of the bot
 * itself outside a turn answers 500, with a plain sentence.
 * 4. After the answer, the work the turn set going (`TurnAftermath`: the delivery road's look).
 */
export function messagesDoor(adapter: DarsAdapter, bot: { run(context: TurnContext): Promise<void> }, logger: Logger, aftermath = new TurnAftermath()) {
  // restify tells handlers apart by being `async`: a plain function returning a promise is refused.
  return async (req: Request, res: Response): Promise<void> => {
    const incoming = readIncomingActivity(req.body);
    return aftermath.around(incoming.ok ? incoming.activity.id : undefined, () => oneRequest(adapter, bot, logger, incoming, req, res));
  };
}

async function oneRequest(adapter: DarsAdapter, bot: { run(context: TurnContext): Promise<void> }, logger: Logger, incoming: IncomingActivity, req: Request, res: Response): Promise<void> {
  const activityId = incoming.ok ? incoming.activity.id : undefined;

  let authentication: Awaited<ReturnType<DarsAdapter['authenticate']>>;
  try {
    // A body that is no activity is still checked for a token, against an empty activity.
    authentication = await adapter.authenticate(incoming.ok ? incoming.activity : ({} as Activity), authorizationOf(req));
  } catch (error) {
    logger.warn('request refused: its token could not be validated', { activityId, reason: describeError(error) });
    return answer(res, 401, { error: { code: 'Unauthorized', message: 'The request could not be authenticated.' } });
  }

  if (!incoming.ok) {
    logger.warn('request refused: not a well-formed activity', { reason: incoming.reason });
    return answer(res, 400, { error: { code: 'BadRequest', message: incoming.reason } });
  }

  try {
    const invokeResponse = await adapter.runAuthenticated(authentication, incoming.activity, (context) => bot.run(context));
    return answer(res, invokeResponse?.status ?? 200, invokeResponse?.body);
  } catch (error) {
    logger.error('request failed outside a turn', { activityId, activityType: incoming.activity.type, error: describeError(error) });
    return answer(res, 500, { error: { code: 'InternalError', message: 'Sorry, something went wrong on our side.' } });
  }
}

function authorizationOf(req: Request): string {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
}

function answer(res: Response, status: number, body?: unknown): void {
  if (body === undefined) res.send(status);
  else res.send(status, body);
}
