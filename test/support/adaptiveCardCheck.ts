import type { ConnectorStandIn } from './connectorStandIn';

// The browser bundle is the one that runs in Node (ENGINEERING.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/** Teams refuses cards over 28 KB. */
export const cardSizeBudget = 28 * 1024;

/**
 * Everything wrong with a card, as Teams' own Adaptive Cards library (parsing for schema 1.5)
 * and our conventions see it: unknown elements, invalid properties, over the size budget,
 * an Action.Execute without a verb or without an Action.Submit fallback.
 */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) problems.push(event.message);

  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (size > cardSizeBudget) problems.push(`card is ${size} bytes, over the ${cardSizeBudget}-byte budget`);
  if ((card as { version?: string }).version !== '1.5') problems.push('card version is not 1.5');

  walk(card, (node) => {
    if (node.type !== 'Action.Execute') return;
    if (typeof node.verb !== 'string' || !node.verb) problems.push(`Action.Execute "${String(node.title)}" has no verb`);
    const fallback = node.fallback as Record<string, unknown> | undefined;
    if (fallback?.type !== 'Action.Submit') problems.push(`Action.Execute "${String(node.title)}" has no Action.Submit fallback`);
  });
  return problems;
}

/** Fails the test if any card the bot sent through the connector has a problem. */
export function assertEveryCardValid(connector: ConnectorStandIn): number {
  let count = 0;
  for (const call of connector.calls) {
    const attachments = (call.body.attachments ?? []) as { contentType: string; content: unknown }[];
    for (const attachment of attachments) {
      if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
      count++;
      const problems = cardProblems(attachment.content);
      if (problems.length > 0) throw new Error(`A card sent to ${call.path} has problems:\n- ${problems.join('\n- ')}`);
    }
  }
  return count;
}

function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Record<string, unknown>);
  Object.values(node).forEach((child) => walk(child, visit));
}
