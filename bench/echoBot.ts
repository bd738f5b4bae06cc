import restify from 'restify';
import { ActivityHandler, ConversationState, type TurnContext } from 'botbuilder';

import { createAdapter } from '../bot/door/adapter';
import { loadConfig } from '../bot/runtime/config';
import { createLogger } from '../bot/runtime/logger';
import { MongoStorage } from '../bot/turns/mongoStorage';
import { connectDatabase } from '../services/storage/database/connection';

/**
 * The bench's baseline: the least a bot can do on DARS Bot's stack. Same restify server, same
 * CloudAdapter (createAdapter, local mode), same MongoStorage-backed ConversationState on the
 * same database server, and a state save every turn; no dialogs, no workflow, no cards. What
 * DARS Bot does on top of this is what the throughput ratio measures.
 *
 * Run by bench/run.ts as `node dist/bench/echoBot.js` with MONGODB_URI, MONGODB_DB and PORT.
 */

class EchoBot extends ActivityHandler {
  private readonly turns;

  constructor(private readonly conversationState: ConversationState) {
    super();
    this.turns = conversationState.createProperty<number>('turns');
    this.onMessage(async (context, next) => {
      // ConversationState writes only what changed, so a counter makes every turn a real
      // read-modify-write of state, as every DARS Bot turn is (its dialog state moves on).
      await this.turns.set(context, ((await this.turns.get(context, 0)) ?? 0) + 1);
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.MONGODB_URI) throw new Error('MONGODB_URI is required: the echo bot uses the bench database server');
  const logger = createLogger(config.LOG_LEVEL);
  const database = await connectDatabase({ uri: config.MONGODB_URI, databaseName: config.MONGODB_DB });
  const adapter = createAdapter(config, logger);
  const storage = new MongoStorage(database.db);
  await storage.ensureIndexes();
  const bot = new EchoBot(new ConversationState(storage));

  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  // The bench waits for this before it starts, as it does for DARS Bot's /healthz.
  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok' });
  });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  logger.info('echo bot listening', { port: (server.address() as { port: number }).port });

  process.once('SIGTERM', () => {
    server.close();
    void database.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(`The echo bot failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
