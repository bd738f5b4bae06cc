import { randomBytes } from 'node:crypto';

import { MongoClient, type Db } from 'mongodb';

import { startEmbeddedServer, type EmbeddedServer } from '../../local/database/embeddedServer';

/**
 * The test database: a real MongoDB-compatible server over the wire. MONGODB_URI if set, else
 * the embedded FerretDB (PostgreSQL backend where it answers). Started once per run by the root
 * hooks; every suite takes a fresh database of its own, so suites never see each other's data.
 */

let server: EmbeddedServer | undefined;
let uri: string | undefined;
let client: MongoClient | undefined;
const created: string[] = [];
const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

export async function startTestDatabaseServer(): Promise<void> {
  if (process.env.MONGODB_URI) {
    uri = process.env.MONGODB_URI;
  } else {
    server = await startEmbeddedServer({
      purpose: 'throwaway',
      dataDirectory: '',
      log: (message) => console.log(`  [test database] ${message}`),
    });
    uri = server.uri;
  }
  client = await MongoClient.connect(uri);
  console.log(`  [test database] ${testDatabaseDescription()}`);
}

export async function stopTestDatabaseServer(): Promise<void> {
  if (client) {
    for (const name of created) await client.db(name).dropDatabase().catch(() => undefined);
    await client.close();
  }
  await server?.stop();
}

/** Which server the tests run on, e.g. "FerretDB 1.24.2 on PostgreSQL". */
export function testDatabaseDescription(): string {
  return server ? server.description : 'the server at MONGODB_URI';
}

/** The URI child bot processes connect to (they get it as MONGODB_URI). */
export function testDatabaseUri(): string {
  if (!uri) throw new Error('The test database server is not started (root hooks not loaded?)');
  return uri;
}

/** A new, empty database for one suite; dropped at the end of the run. */
export function freshDatabase(label: string): { name: string; db: Db } {
  if (!client) throw new Error('The test database server is not started (root hooks not loaded?)');
  const name = `t_${runId}_${label.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}_${created.length}`;
  created.push(name);
  return { name, db: client.db(name) };
}
