import { ConversationState, ShowTypingMiddleware } from 'botbuilder';

import { ApplicantStatus } from '../services/cases/applicantStatus';
import { CaseCommands } from '../services/cases/caseCommands';
import { CaseIndex } from '../services/cases/caseIndex';
import { CaseLog } from '../services/cases/caseLog';
import { ensureCaseReferenceIndexes } from '../services/cases/caseReference';
import { darsWorkflow } from '../services/cases/darsWorkflow';
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
import { PostedCards } from './postedCards';
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

  const db = database.db;
  const log = new CaseLog(db);
  const index = new CaseIndex(db);
  const storage = new MongoStorage(db);
  const references = new ConversationReferences(db);

  const adapter = createAdapter(config, logger);
  adapter.use(new ShowTypingMiddleware(800, 2000));
  const postedCards = new PostedCards(db);
  const deliveries = outboxDeliveries(config, index, new ChannelPoster(adapter, config), postedCards);
  const worker = new OutboxWorker(db, log, deliveries, logger);
  // One after another: FerretDB can fail when two commands create collections in a new
  // database at the same moment, and creating everything at start keeps turns from racing.
  const collections = { caseLog: log, caseIndex: index, botState: storage, conversationReferences: references, postedCards, outbox: worker };
  for (const [name, owner] of Object.entries(collections)) {
    await owner.ensureIndexes().catch((error: unknown) => {
      throw new Error(`preparing the ${name} collection: ${describeError(error)}`);
    });
  }
  await ensureCaseReferenceIndexes(db);
  const commands = new CaseCommands(log, index, darsWorkflow, () => worker.kick());
  const submissions = new EnquirySubmissions(db, log, commands);
  const dialog = new PersonalChatDialog(submissions, new ApplicantStatus(index));
  const conversationState = new ConversationState(storage);
  const bot = new DarsBot(conversationState, dialog, references, logger);

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
