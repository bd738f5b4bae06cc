import { ConversationState, ShowTypingMiddleware } from 'botbuilder';

import { ApplicantStatus } from '../services/cases/applicantStatus';
import { CaseStore } from '../services/cases/caseStore';
import { EnquirySubmissions } from '../services/cases/enquirySubmissions';
import { connectDatabase } from '../services/database/connection';
import { PersonalChatDialog } from '../dialogs/personalChatDialog';
import { createAdapter } from './adapter';
import { ChannelPoster } from './channelPoster';
import { ConfigError, loadConfig, type Config } from './config';
import { ConversationReferences } from './conversationReferences';
import { DarsBot } from './darsBot';
import { createLogger, describeError, type Logger } from './logger';
import { MongoStorage } from './mongoStorage';
import { outboxDeliveries } from './outboxDeliveries';
import { OutboxWorker } from './outboxWorker';
import { createServer } from './server';

/**
 * The composition root: configuration, database, state, dialogs, bot, server. Everything is
 * built here and passed in, so each part can be tested with real neighbours.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  await start(config, logger);
}

async function start(config: Config, logger: Logger): Promise<void> {
  logger.info('starting DARS Bot', { mode: config.mode });
  if (config.mode === 'local') {
    logger.warn('local mode: no MICROSOFT_APP_ID, so /api/messages accepts requests without authentication. Never expose it.');
  }

  const database = await connectDatabase({
    uri: config.MONGODB_URI,
    databaseName: config.MONGODB_DB,
    purpose: 'persistent',
    dataDirectory: config.DARS_DATA_DIR,
    log: (message) => logger.info(message),
  });
  logger.info('database ready', { database: database.description });

  const store = new CaseStore(database.db);
  await store.ensureIndexes();

  const adapter = createAdapter(config, logger);
  adapter.use(new ShowTypingMiddleware(800, 2000));
  const worker = new OutboxWorker(store, outboxDeliveries(config, store, new ChannelPoster(adapter, config)), logger);
  const submissions = new EnquirySubmissions(database.db, store, () => worker.kick());
  const dialog = new PersonalChatDialog(submissions, new ApplicantStatus(store));
  const conversationState = new ConversationState(new MongoStorage(database.db));
  const bot = new DarsBot(conversationState, dialog, new ConversationReferences(database.db), logger);

  const server = createServer(adapter, bot, () => database.isHealthy());
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const port = (server.address() as { port: number }).port;
  logger.info('DARS Bot listening', { port, messages: `http://localhost:${port}/api/messages`, health: `http://localhost:${port}/healthz` });
  worker.start();

  const shutdown = async (signal: string) => {
    logger.info('stopping', { signal });
    server.close();
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  console.error(`DARS Bot failed to start: ${error instanceof Error ? error.message : describeError(error)}`);
  process.exit(1);
});
