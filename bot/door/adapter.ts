import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';

import type { Config } from '../runtime/config';
import { isStateConflict } from '../turns/conversationTurns';
import { describeError, type Logger } from '../runtime/logger';
import { turnLogger } from '../runtime/turnLogger';
import { PlainWordsMiddleware } from './plainWords';

/** What botbuilder makes of a request's token (its type lives in botframework-connector). */
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * The Bot Framework adapter. In production mode it checks the JWT on every request to
 * /api/messages and authenticates its own calls to the connector with the app credentials.
 * In local mode (no app id) there is no authentication, which is what the Bot Framework
 * Emulator, Teams Toolkit's test tool and our channel-level tests speak.
 *
 * The door (`door.ts`) authenticates a request first and runs the turn only with the result,
 * so that every failure to validate a token, including signing keys that cannot be fetched,
 * is a 401 rather than whatever botbuilder would make of the exception.
 */
export class DarsAdapter extends CloudAdapter {
  /** Validates the request's token (in local mode: accepts a request without one). Throws when it cannot. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs the turn of an authenticated request; resolves with the invoke response, if any. */
  runAuthenticated(authentication: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authentication, activity, logic);
  }
}

/**
 * Microsoft's public cloud, as botbuilder's own defaults (botframework-connector's
 * AuthenticationConstants); used only when BOT_OPENID_METADATA_URL replaces where the signing
 * keys come from, because botbuilder then expects every endpoint to be given.
 */
const publicCloud = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
};

export function createAdapter(config: Config, logger: Logger): DarsAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.mode === 'production'
      ? {
          MicrosoftAppId: config.MICROSOFT_APP_ID,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
          MicrosoftAppType: config.MICROSOFT_APP_TYPE,
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
          ...(config.BOT_OPENID_METADATA_URL
            ? { ...publicCloud, ToBotFromChannelOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL, ToBotFromEmulatorOpenIdMetadataUrl: config.BOT_OPENID_METADATA_URL }
            : {}),
        }
      : // No app id and no app type: botbuilder then skips authentication both ways.
        {},
  );
  const adapter = new DarsAdapter(auth);
  // No message the bot sends can carry a link, image or markup that someone typed.
  adapter.use(new PlainWordsMiddleware());

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    turnLogger(context, logger).error('turn failed', {
      activityType: context.activity.type,
      error: describeError(error),
    });
    // Dialog state is saved only after a turn succeeds, so the applicant's last good answer is
    // kept: they can simply send the message again.
    if (context.activity.type === 'message') {
      const text = isStateConflict(error)
        ? 'I was still working on your previous message, so this one was not saved. Please send it again.'
        : 'Sorry, something went wrong on our side and your last message was not saved. Please send it again.';
      await context.sendActivity(text).catch(() => undefined);
    }
    // A click must still be answered (unless it already was, before a later step failed): a
    // short message for the person, never a 5xx or the error.
    if (context.activity.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      await context
        .sendActivity({ type: 'invokeResponse', value: { status: 200, body: somethingWentWrong } })
        .catch(() => undefined);
    }
  };
  return adapter;
}

const somethingWentWrong = {
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: 'Sorry, something went wrong on our side. Please try again.',
};
