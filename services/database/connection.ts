import { MongoClient, type Db } from 'mongodb';

import { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './embeddedServer';

/**
 * The one place DARS Bot connects to MongoDB. With `uri` it uses that server (production:
 * MongoDB 7/8, a replica set or Atlas); without, it starts the embedded default.
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

export interface ConnectOptions extends EmbeddedServerOptions {
  readonly uri: string | undefined;
  readonly databaseName: string;
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseConnection> {
  const server: EmbeddedServer | undefined = options.uri ? undefined : await startEmbeddedServer(options);
  const uri = options.uri ?? server!.uri;
  const client = new MongoClient(uri, {
    // Ten seconds for a server to answer, unless the connection string says otherwise (the
    // driver lets these options win over the string's, so the default gives way explicitly).
    ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: 10_000 }),
    appName: 'dars-bot',
  });
  try {
    await client.connect();
  } catch (error) {
    await server?.stop();
    throw new Error(`Cannot reach MongoDB at ${redact(uri)}: ${(error as Error).message}`);
  }
  const db = client.db(options.databaseName);
  return {
    client,
    db,
    description: server ? server.description : `MongoDB at ${redact(uri)}`,
    isHealthy: () => ping(db),
    close: async () => {
      await client.close();
      await server?.stop();
    },
  };
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.command({ ping: 1 }, { timeoutMS: 1000 });
    return true;
  } catch {
    return false;
  }
}

/** Connection strings carry passwords; never log them. */
export function redact(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}
