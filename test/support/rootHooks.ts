import { dropCreatedDatabases, startTestDatabaseServer, stopTestDatabaseServer } from './testDatabase';

/**
 * Mocha's global fixtures: one database server for the whole run, started in the main process
 * before any test file is loaded, also when the files run in parallel workers (.mocharc.json).
 * The first run on a machine builds FerretDB, so there is no timeout on the setup.
 */
export async function mochaGlobalSetup(): Promise<void> {
  await startTestDatabaseServer();
}

export async function mochaGlobalTeardown(): Promise<void> {
  await stopTestDatabaseServer();
}

/**
 * Root hooks run after each file in a parallel worker (once per run when serial): each process
 * drops the databases its suites made, and closes its connection so the worker can exit.
 */
export const mochaHooks = {
  async afterAll() {
    await dropCreatedDatabases();
  },
};
