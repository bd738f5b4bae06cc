import { startTestDatabaseServer, stopTestDatabaseServer } from './testDatabase';

/** Mocha root hooks: one database server for the whole run (see testDatabase.ts). */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(10 * 60_000); // the first run on a machine builds FerretDB
    await startTestDatabaseServer();
  },
  async afterAll() {
    await stopTestDatabaseServer();
  },
};
