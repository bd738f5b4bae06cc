import { randomBytes } from 'node:crypto';

import { MongoClient, type Db } from 'mongodb';

import { startEmbeddedServer, type EmbeddedServer } from '../../local/database/embeddedServer';

/**
 * The test database: a real MongoDB-compatible server over the wire. MONGODB_URI if set, else
 * the embedded FerretDB (PostgreSQL backend where it answers). Started once per run by mocha's
 * global setup, in the main process; the address reaches the test files (which mocha may run in
 * parallel worker processes, forked after the setup) through the environment. Every suite takes
 * a fresh database of its own, so suites never see each other's data, whichever worker runs them.
 */

/** Where the global setup leaves the server's address for the workers. */
const uriVariable = 'DARS_TEST_MONGODB_URI';
const descriptionVariable = 'DARS_TEST_DATABASE_DESCRIPTION';

let server: EmbeddedServer | undefined;
let client: MongoClient | undefined;
const created: string[] = [];
const processId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

export async function startTestDatabaseServer(): Promise<void> {
  if (process.env.MONGODB_URI) {
    process.env[uriVariable] = process.env.MONGODB_URI;
    process.env[descriptionVariable] = 'the server at MONGODB_URI';
  } else {
    server = await startEmbeddedServer({
      purpose: 'throwaway',
      dataDirectory: '',
      log: (message) => console.log(`  [test database] ${message}`),
    });
    process.env[uriVariable] = server.uri;
    process.env[descriptionVariable] = server.description;
  }
  console.log(`  [test database] ${testDatabaseDescription()}`);
}

export async function stopTestDatabaseServer(): Promise<void> {
  await dropCreatedDatabases();
  await server?.stop();
}

/** Drops the databases this process's suites made (each worker after each file it runs, and the main process at the end). */
export async function dropCreatedDatabases(): Promise<void> {
  if (!client) return;
  const names = created.splice(0);
  for (const name of names) await client.db(name).dropDatabase().catch(() => undefined);
  await client.close();
  client = undefined;
}

/** Which server the tests run on, e.g. "FerretDB 1.24.2 on PostgreSQL". */
export function testDatabaseDescription(): string {
  return process.env[descriptionVariable] ?? 'no test database';
}

/** The URI child bot processes connect to (they get it as MONGODB_URI). */
export function testDatabaseUri(): string {
  const uri = process.env[uriVariable];
  if (!uri) throw new Error('The test database server is not started (mocha global setup not loaded?)');
  return uri;
}

/** A new, empty database for one suite; dropped when its file is done. */
export function freshDatabase(label: string): { name: string; db: Db } {
  // The driver connects on the first operation, so a suite can ask for a database synchronously.
  client ??= new MongoClient(testDatabaseUri());
  const name = `t_${processId}_${label.replace(/[^A-Za-z0-9]/g, '').slice(0, 20)}_${created.length}`;
  created.push(name);
  return { name, db: client.db(name) };
}
