import type { Middleware, TurnContext } from 'botbuilder';

import { withoutLinks } from '../../services/domain/text/markdownText';

/**
 * The last line of defence for people's words in chat messages: every message the bot sends,
 * replies and proactive posts alike (CloudAdapter runs middleware for both), has any link,
 * image, HTML tag or web address in its Markdown text made inert. The bot itself never sends
 * links, so only quoted words are affected; the places that quote them also escape emphasis
 * (`plainInMarkdown`). Cards need nothing: their texts are TextRuns, which Teams shows literally.
 */
export class PlainWordsMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_context, activities, send) => {
      for (const activity of activities) {
        if (activity.type === 'message' && typeof activity.text === 'string' && activity.textFormat !== 'plain') activity.text = withoutLinks(activity.text);
      }
      return send();
    });
    await next();
  }
}
