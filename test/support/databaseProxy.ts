import net from 'node:net';

import { testDatabaseUri } from './testDatabase';

/**
 * A TCP relay in front of the run's test database, for the tests where the database stops
 * answering: the bot connects through it, and `stop()` closes every connection and the port, so
 * to the bot the server has gone (what stopping a database server of its own did, without
 * starting one).
 */
export class DatabaseProxy {
  private constructor(
    private readonly server: net.Server,
    private readonly sockets: Set<net.Socket>,
    readonly port: number,
  ) {}

  static async start(): Promise<DatabaseProxy> {
    const target = new URL(testDatabaseUri());
    const sockets = new Set<net.Socket>();
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 27017), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined); // the other end's close ends this one too
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new DatabaseProxy(server, sockets, (server.address() as net.AddressInfo).port);
  }

  /**
   * The database's URI through this relay. `serverSelectionTimeoutMS` in it, when given, is how
   * long the bot waits for a server that has gone before it gives up on a turn.
   */
  uri(serverSelectionTimeoutMS?: number): string {
    return `mongodb://127.0.0.1:${this.port}/${serverSelectionTimeoutMS ? `?serverSelectionTimeoutMS=${serverSelectionTimeoutMS}` : ''}`;
  }

  /** The database stops answering: no new connection is accepted and every open one is cut. */
  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}
