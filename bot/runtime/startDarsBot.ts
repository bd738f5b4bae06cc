import { ShowTypingMiddleware } from 'botbuilder';

import { PersonalChatDialog } from '../../dialogs/personalChatDialog';
import { ApplicantStatus } from '../turns/applicantStatus';
import { Welcomes } from '../turns/welcomes';
import { TurnAftermath } from '../door/turnAftermath';
import { CaseCommands } from '../../services/storage/cases/caseCommands';
import { CaseDesk } from '../../services/storage/cases/caseDesk';
import { CaseIndex } from '../../services/storage/cases/caseIndex';
import { CaseLog } from '../../services/storage/cases/caseLog';
import { CaseQueries } from '../../services/storage/cases/caseQueries';
import { CaseStates } from '../../services/storage/cases/caseStates';
import { ensureCaseReferenceIndexes } from '../../services/storage/cases/caseReference';
import { NicNumbers } from '../../services/storage/cases/nicNumbers';
import { darsWorkflow } from '../../services/storage/cases/darsWorkflow';
import { cardsShowing } from '../../cards/cardsShowing';
import { describeEvent } from '../../cards/events/history';
import { EnquirySubmissions } from '../../services/storage/cases/enquirySubmissions';
import { connectDatabase } from '../../services/storage/database/connection';
import { DsaDocumentStore } from '../../services/storage/dsa/dsaDocumentStore';
import { SignedRecordStore } from '../../services/storage/dsa/signedRecordStore';
import type { Channel } from '../../services/domain/workflow';
import { createAdapter } from '../door/adapter';
import { HttpAttachmentFetcher } from '../documents/attachmentFetcher';
import { IdentifierLookups } from '../cardActions/identifierLookups';
import { FileConsents } from '../documents/fileConsent';
import { FileKeepingDesk } from '../documents/fileKeeping';
import { FileStore } from '../../services/storage/evidence/fileStore';
import { CardActions } from '../cardActions/cardActions';
import { ChatState } from '../turns/chatState';
import { CaseCardViews } from '../cardActions/caseCardViews';
import type { Config } from './config';
import { ConversationReferences } from '../turns/conversationReferences';
import { DarsBot } from '../turns/darsBot';
import { DeadlineReminders } from '../delivery/deadlineReminders';
import { DeadLetters } from '../delivery/deadLetters';
import { DeliveryCommands } from '../staff/deliveryCommands';
import { DeliveryRoad } from '../delivery/deliveryRoad';
import { DeliveryReceipts } from '../delivery/deliveryReceipts';
import { DocumentLinks } from '../documents/documentLinks';
import { fileCopier } from '../delivery/fileCopyDelivery';
import { keptSecret } from '../../services/storage/documents/keptSecret';
import { describeError, type Logger } from './logger';
import { MongoStorage } from '../turns/mongoStorage';
import { outboxDeliveries } from '../delivery/outboxDeliveries';
import { withoutSilentNotices } from '../notices/decisionNotices';
import { PostedCards } from '../cardActions/postedCards';
import { createServer } from '../door/server';
import { StaffChannel } from '../staff/staffChannel';
import { DirectoryStaff } from '../staff/staffDirectory';
import { signatureSetup } from '../delivery/signatureRequests';
import { TeamsMessenger } from '../delivery/teamsMessenger';

/** A started bot: the port it listens on, and a clean stop (requests answered, deliveries settled, database closed). */
export interface RunningDarsBot {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * The composition root: database, state, dialogs, bot, server, built from the configuration and
 * passed in, so each part can be tested with real neighbours. `bot/index.ts` runs it as the
 * process; the tests start it in their own process too (test/support/testBot.ts), which saves
 * starting Node and loading botbuilder for every suite.
 */
export async function startDarsBot(config: Config, logger: Logger): Promise<RunningDarsBot> {
  logger.info('starting DARS Bot', { mode: config.mode });
  if (config.mode === 'local') {
    logger.warn('local mode: no MICROSOFT_APP_ID, so /api/messages accepts requests without authentication. Never expose it.');
  }

  const database = await connectDatabase({ uri: requiredDatabaseUri(config), databaseName: config.MONGODB_DB });
  logger.info('database ready', { database: database.description });
  const db = database.db;

  const channels: Record<Channel, string> = {
    triage: config.TRIAGE_CHANNEL_ID,
    assurance: config.ASSURANCE_CHANNEL_ID,
    agd: config.AGD_CHANNEL_ID,
    pag: config.PAG_CHANNEL_ID,
  };
  // The case store.
  const log = new CaseLog(db);
  const index = new CaseIndex(db);
  const states = new CaseStates(log);
  const queries = new CaseQueries(index, states, describeEvent);
  const dsaDocuments = new DsaDocumentStore(db);
  const nicNumbers = new NicNumbers(db);
  const signedDocuments = new SignedRecordStore(db);
  const fileStore = new FileStore(db);

  // One policy for every side effect on the delivery road (outbox, reminders, DSA steps).
  const policy = {
    baseMs: config.DELIVERY_BACKOFF_BASE_MS,
    capMs: config.DELIVERY_BACKOFF_CAP_MS,
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    maxAgeMs: config.DELIVERY_MAX_AGE_HOURS * 3_600_000,
  };

  // Staff roles and DSA signature routing: Microsoft Graph, or local mode.
  const signatures = signatureSetup(config, db, log, dsaDocuments, policy);
  logger.info(signatures.description);
  const staff = new DirectoryStaff(signatures.directory);

  // Teams.
  const adapter = createAdapter(config, logger);
  adapter.use(new ShowTypingMiddleware(800, 2000));
  const storage = new MongoStorage(db);
  const references = new ConversationReferences(db);
  const posted = new PostedCards(db);
  const receipts = new DeliveryReceipts(db);
  const welcomes = new Welcomes(db);
  const messenger = new TeamsMessenger(adapter, config, references);
  // Links on cards to the documents people sign: SharePoint with Graph, else the bot's own signed links.
  const documentLinkSecret = config.DOCUMENT_LINK_SECRET ?? (await keptSecret(db, 'documentLinks'));
  let publicBaseUrl = config.PUBLIC_BASE_URL?.replace(/\/+$/, '');
  const documentLinks = new DocumentLinks({
    secret: documentLinkSecret,
    baseUrl: () => publicBaseUrl,
    lifetimeMs: config.DOCUMENT_LINK_HOURS * 3_600_000,
    ...(config.GRAPH_CLIENT_ID ? { sharePoint: signatures.ledger } : {}),
  });
  const views = new CaseCardViews(staff, references, () => new Date(), documentLinks);
  const deadLetters = new DeadLetters(db, log, messenger, channels.triage);
  const road = new DeliveryRoad(db, log, outboxDeliveries({
    states, messenger, views, posted, receipts, staff, channels, signatures, signedCopies: { store: signedDocuments, links: documentLinks },
    fileCopies: fileCopier(signatures.fileLibrary ? { ledger: signatures.ledger, library: signatures.fileLibrary } : undefined, fileStore),
  }), deadLetters, logger, { policy });

  // One after another: FerretDB can fail when two commands create collections in a new
  // database at the same moment, and creating everything at start keeps turns from racing.
  const collections = { caseLog: log, caseIndex: index, botState: storage, conversationReferences: references, postedCards: posted, deliveryReceipts: receipts, deliveryRoad: road, dsaDocuments, signedDocuments, signatureSteps: signatures.ledger, nicNumbers, welcomes, storedFiles: fileStore };
  for (const [name, owner] of Object.entries(collections)) {
    await owner.ensureIndexes().catch((error: unknown) => {
      throw new Error(`preparing the ${name} collection: ${describeError(error)}`);
    });
  }
  await ensureCaseReferenceIndexes(db);

  const fetcher = new HttpAttachmentFetcher();
  // The road looks for a decision's deliveries once the turn that decided has answered.
  const aftermath = new TurnAftermath();
  const commands = new CaseCommands(log, index, darsWorkflow(cardsShowing, withoutSilentNotices), (key, written) => aftermath.after(key, () => road.deliverWritten(written)));
  const reminders = new DeadlineReminders(index, log, commands, logger);
  const desk = new CaseDesk(commands, log, index);
  const dialog = new PersonalChatDialog(
    new EnquirySubmissions(db, commands),
    new ApplicantStatus({ desk, actors: staff, mine: (personId) => queries.mine(personId) }),
    desk, staff, fetcher, undefined, new FileKeepingDesk(fetcher, fileStore, documentLinks),
  );
  const bot = new DarsBot(
    new ChatState(storage),
    dialog,
    references,
    new CardActions(desk, views, staff, dsaDocuments, channels, logger, new IdentifierLookups(signatures.people, nicNumbers, logger)),
    new StaffChannel(queries, desk, views, staff, channels, new DeliveryCommands(deadLetters, staff, channels)),
    logger,
    welcomes,
    new FileConsents(fileStore, desk, logger),
  );

  const server = createServer(adapter, bot, () => database.isHealthy(), logger, {
    secret: documentLinkSecret, log, dsaDocuments, signedDocuments, files: fileStore, rolesOf: async (state, personId) => (await views.viewer(state, personId)).roles, logger,
  }, aftermath);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const port = (server.address() as { port: number }).port;
  // Local mode: links name the port the bot listens on (known only now, as tests listen on port 0).
  if (!publicBaseUrl && config.mode === 'local') publicBaseUrl = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  logger.info('DARS Bot listening', { port, messages: `http://localhost:${port}/api/messages`, health: `http://localhost:${port}/healthz` });
  road.start();
  if (config.REMINDER_INTERVAL_SECONDS > 0) reminders.start(config.REMINDER_INTERVAL_SECONDS * 1000);

  return {
    port,
    stop: async () => {
      // Requests under way are answered before the database closes; a connection kept open
      // without a request is closed at once, and one still busy after the grace period is cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const grace = setTimeout(() => server.server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(grace);
      await Promise.all([road.stop(), reminders.stop()]);
      await database.close();
    },
  };
}

/** The bot never starts a database itself: `npm start` runs it through the launcher that does. */
function requiredDatabaseUri(config: Config): string {
  if (config.MONGODB_URI) return config.MONGODB_URI;
  throw new Error('MONGODB_URI is not set. `npm start` starts a development database and sets it (local/withDatabase.ts); in production set it to your MongoDB server.');
}
