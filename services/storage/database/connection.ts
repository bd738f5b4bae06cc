import { MongoClient, type Db } from 'mongodb';

/**
 * The one place DARS Bot connects to MongoDB: production's MongoDB 7/8, a replica set or Atlas,
 * or in development the server `npm start`'s launcher started (local/withDatabase.ts) — the bot
 * itself never starts a database, so nothing here builds Go or downloads mongod.
 */
export interface DatabaseConnection {
  readonly client: MongoClient;
  readonly db: Db;
  /** What the bot is running on, for the start-up log line. */
  readonly description: string;
  /** True when the server answers a ping within a second: what /healthz reports. */
  isHealthy(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  readonly uri: string;
  readonly databaseName: string;
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseConnection> {
  const uri = options.uri;
  const client = new MongoClient(uri, {
    // Ten seconds for a server to answer, unless the connection string says otherwise (the
    // driver lets these options win over the string's, so the default gives way explicitly).
    ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 10_000 }),
    appName: 'dars-bot',
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot reach MongoDB at ${redact(uri)}: ${(error as Error).message}`);
  }
  const db = client.db(options.databaseName);
  return {
    client,
    db,
    description: `MongoDB at ${redact(uri)}`,
    isHealthy: () => ping(db),
    close: () => client.close(),
  };
}

async function ping(db: Db): Promise<boolean> {
  // A health probe must answer within its own second: with the server gone, the driver waits for
  // server selection (ten seconds) whatever `timeoutMS` says, and a probe that slow is counted
  // as a timeout by the platform rather than read as "not answering".
  let timer: NodeJS.Timeout | undefined;
  const tooLate = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), pingTimeoutMs);
  });
  const answered = db.command({ ping: 1 }, { timeoutMS: pingTimeoutMs }).then(() => true, () => false);
  try {
    return await Promise.race([answered, tooLate]);
  } finally {
    clearTimeout(timer);
  }
}

const pingTimeoutMs = 1000;

/** Connection strings carry passwords; never log them. */
export function redact(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}
