import net from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A TCP proxy between a bot process and the database that notes every command the bot sends,
 * read from the MongoDB wire protocol itself. The bot runs as a child process, so the bench
 * cannot listen to its driver's command monitoring (`monitorCommands` / `commandStarted`); a
 * proxy counts the same thing — one OP_MSG from the driver is one command, one round trip —
 * without any change to the product, and on MongoDB as well as FerretDB.
 *
 * Only the command's name and collection are read (the first element of the body document);
 * the driver's own heartbeats (`hello`, `isMaster`, `ping`) and its session bookkeeping
 * (`endSessions`) are noted but left out of `commands`, as they are not the bot's work.
 */

export interface WireCommand {
  /** performance.now() when the message had fully arrived from the bot. */
  readonly at: number;
  readonly name: string;
  /** The collection named by the command (its first element's value), if it is a string. */
  readonly collection: string | undefined;
}

const driverHousekeeping = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'saslStart', 'saslContinue', 'buildInfo', 'buildinfo']);
const opMsg = 2013;
const opQuery = 2004;

export class WireCounter {
  readonly commands: WireCommand[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server) {}

  /** Listens on a free local port and forwards every connection to the server in `targetUri`. */
  static async start(targetUri: string): Promise<WireCounter> {
    const target = new URL(targetUri.replace(/^mongodb:/, 'http:'));
    const host = target.hostname || '127.0.0.1';
    const port = Number(target.port || 27017);
    const counter: WireCounter = new WireCounter(net.createServer((client) => counter.relay(client, host, port)));
    await new Promise<void>((resolve) => counter.server.listen(0, '127.0.0.1', resolve));
    return counter;
  }

  /** The URI the bot should use: `targetUri` with its host and port replaced by this proxy's. */
  uriFor(targetUri: string): string {
    const { port } = this.server.address() as net.AddressInfo;
    return targetUri.replace(/^mongodb:\/\/(?:[^@/]*@)?[^/?]+/, (whole) => whole.replace(/[^@/]+$/, `127.0.0.1:${port}`));
  }

  /** The bot's commands noted between two performance.now() instants. */
  between(from: number, to: number): WireCommand[] {
    return this.commands.filter((command) => command.at >= from && command.at <= to);
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: net.Socket, host: string, port: number): void {
    const upstream = net.connect(port, host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    let pending: Buffer = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 16 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        this.note(pending.subarray(0, length));
        pending = pending.subarray(length);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
  }

  /** One whole wire message from the bot: header (16 bytes), then for OP_MSG flags and sections. */
  private note(message: Buffer): void {
    const opCode = message.readInt32LE(12);
    // Legacy OP_QUERY is only the driver's first handshake; compressed messages are not asked for.
    if (opCode === opQuery || opCode !== opMsg) return;
    // OP_MSG: flagBits (4 bytes), then the body section: kind byte 0, then a BSON document.
    if (message.readUInt8(20) !== 0) return;
    const body = 21;
    const type = message.readUInt8(body + 4);
    const nameEnd = message.indexOf(0, body + 5);
    const name = message.toString('utf8', body + 5, nameEnd);
    if (driverHousekeeping.has(name)) return;
    let collection: string | undefined;
    if (type === 0x02) {
      const size = message.readInt32LE(nameEnd + 1);
      collection = message.toString('utf8', nameEnd + 5, nameEnd + 5 + size - 1);
    }
    this.commands.push({ at: performance.now(), name, collection });
  }
}
