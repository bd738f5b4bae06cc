import { mkdirSync } from 'node:fs';

import type { EmbeddedServer } from './startedServer';

/**
 * The last resort: a real `mongod` through mongodb-memory-server. It downloads `mongod` the first
 * time, so it needs the internet (or MONGOMS_SYSTEM_BINARY pointing at an installed mongod).
 */
export async function startMemoryServer(dataDirectory: string | undefined): Promise<EmbeddedServer> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  if (dataDirectory) mkdirSync(dataDirectory, { recursive: true });
  const server = await MongoMemoryServer.create({
    instance: dataDirectory ? { dbPath: dataDirectory, storageEngine: 'wiredTiger' } : {},
  });
  return {
    uri: server.getUri(),
    description: `mongod from mongodb-memory-server${dataDirectory ? ` with data in ${dataDirectory}` : ''}`,
    stop: async () => {
      await server.stop({ doCleanup: !dataDirectory });
    },
  };
}
