import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';

import type { Config } from './config';
import { describeError, type Logger } from './logger';
import { PlainWordsMiddleware } from './plainWords';

/**
 * The Bot Framework adapter. In production mode it checks the JWT on every request to
 * /api/messages and authenticates its own calls to the connector with the app credentials.
 * In local mode (no app id) there is no authentication, which is what the Bot Framework
 * Emulator, Teams Toolkit's test tool and our channel-level tests speak.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.mode === 'production'
      ? {
          MicrosoftAppId: config.MICROSOFT_APP_ID,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
          MicrosoftAppType: config.MICROSOFT_APP_TYPE,
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
        }
      : // No app id and no app type: botbuilder then skips authentication both ways.
        {},
  );
  const adapter = new CloudAdapter(auth);
  // No message the bot sends can carry a link, image or markup that someone typed.
  adapter.use(new PlainWordsMiddleware());

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('turn failed', {
      activityId: context.activity.id,
      activityType: context.activity.type,
      error: describeError(error),
    });
    // Dialog state is saved only after a turn succeeds, so the applicant's last good answer is
    // kept: they can simply send the message again.
    if (context.activity.type === 'message') {
      await context
        .sendActivity('Sorry, something went wrong on our side and your last message was not saved. Please send it again.')
        .catch(() => undefined);
    }
  };
  return adapter;
}
