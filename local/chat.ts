import { randomUUID } from 'node:crypto';
import readline from 'node:readline';

import { ConnectorStandIn, type SentActivity } from '../test/support/connectorStandIn';
import { cardOf, personalConversation, readableText, teamsActivity } from '../test/support/teams';

/**
 * Talk to a running DARS Bot from the terminal, as a Teams 1:1 chat would: what you type is
 * POSTed to /api/messages; the bot's replies arrive at a local stand-in for the Teams connector
 * and are printed, cards as text with their buttons numbered. `/click N` presses button N.
 *
 *   npm start            (in one terminal)
 *   npm run chat         (in another; BOT_URL defaults to http://localhost:3978)
 */

interface Button {
  readonly title: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
  readonly replyToId: string;
  /** An `imBack` button (a step's "start" button): Teams says this text in the chat. */
  readonly says?: string;
}

const botUrl = process.env.BOT_URL ?? 'http://localhost:3978';
const user = { aadObjectId: process.env.CHAT_USER_ID ?? randomUUID(), name: process.env.CHAT_USER_NAME ?? 'Alex Applicant' };
const conversationId = `a:local-chat-${user.aadObjectId}`;

async function main(): Promise<void> {
  const connector = await ConnectorStandIn.start();
  const terminal = readline.createInterface({ input: process.stdin, output: process.stdout });
  let buttons: Button[] = [];
  let shown = 0;

  const showNewReplies = () => {
    const replies = connector.sent(conversationId).filter((activity) => activity.type === 'message').slice(shown);
    shown += replies.length;
    for (const reply of replies) buttons = printReply(reply, buttons);
  };
  setInterval(showNewReplies, 500).unref();

  console.log(`Talking to ${botUrl} as ${user.name}. Type "help" to begin, "/click N" to press a card button, Ctrl+C to leave.`);
  terminal.setPrompt('> ');
  terminal.prompt();
  for await (const typed of terminal) {
    const line = typed.trim();
    if (!line) {
      terminal.prompt();
      continue;
    }
    const click = /^\/click\s+(\d+)$/.exec(line);
    const button = click ? buttons[Number(click[1]) - 1] : undefined;
    if (click && !button) {
      console.log(`There is no button ${click[1]}.`);
      terminal.prompt();
      continue;
    }
    const activity = button?.says
      ? { type: 'message', text: button.says }
      : button
      ? { type: 'invoke', name: 'adaptiveCard/action', replyToId: button.replyToId, value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data } } }
      : { type: 'message', text: line };
    const response = await post(connector.url, activity).catch((error: Error) => ({ status: 0, text: error.message }));
    if (response.status >= 300 || response.status === 0) console.log(`(the bot answered ${response.status}: ${response.text})`);
    showNewReplies();
    terminal.prompt();
  }
  await connector.close();
}

async function post(serviceUrl: string, activity: Record<string, unknown>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teamsActivity(user, serviceUrl, personalConversation(user, conversationId), activity)),
  });
  return { status: response.status, text: await response.text() };
}

function printReply(reply: SentActivity, buttons: Button[]): Button[] {
  console.log(`\nDARS Bot: ${readableText(reply)}`);
  const suggestions = (reply.suggestedActions as { actions?: { title?: string }[] } | undefined)?.actions;
  if (suggestions?.length) console.log(`  (quick replies: ${suggestions.map((action) => action.title).join(' / ')})`);
  const card = cardOf(reply);
  if (!card) return buttons;
  const found: Button[] = [];
  collectButtons(card, reply.id as string, found);
  found.forEach((button, i) => console.log(`  [${i + 1}] ${button.title}`));
  return found.length > 0 ? found : buttons;
}

function collectButtons(node: unknown, replyToId: string, into: Button[]): void {
  if (Array.isArray(node)) return node.forEach((child) => collectButtons(child, replyToId, into));
  if (!node || typeof node !== 'object') return;
  const element = node as Record<string, unknown>;
  if (element.type === 'Action.Execute' && typeof element.verb === 'string') {
    into.push({ title: String(element.title), verb: element.verb, data: (element.data as Record<string, unknown>) ?? {}, replyToId });
    return;
  }
  const imBack = (element.data as { msteams?: { type?: unknown; value?: unknown } } | undefined)?.msteams;
  if (element.type === 'Action.Submit' && imBack?.type === 'imBack' && typeof imBack.value === 'string') {
    into.push({ title: String(element.title), verb: '', data: {}, replyToId, says: imBack.value });
    return;
  }
  Object.values(element).forEach((child) => collectButtons(child, replyToId, into));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
