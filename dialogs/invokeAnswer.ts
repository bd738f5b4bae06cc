import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';

/**
 * An Action.Execute click must be answered in the invoke response. A dialog that handles the
 * click leaves the answer here; the bot returns it (or a plain acknowledgement if none).
 */
const invokeAnswerKey = Symbol('darsInvokeAnswer');

export function answerInvoke(context: TurnContext, answer: string | Record<string, unknown>): void {
  const response: AdaptiveCardInvokeResponse =
    typeof answer === 'string'
      ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: answer as unknown as Record<string, unknown> }
      : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer };
  context.turnState.set(invokeAnswerKey, response);
}

export function invokeAnswerOf(context: TurnContext): AdaptiveCardInvokeResponse | undefined {
  return context.turnState.get(invokeAnswerKey) as AdaptiveCardInvokeResponse | undefined;
}
