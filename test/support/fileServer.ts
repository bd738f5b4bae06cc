import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for the place Teams keeps a file a person attached in a 1:1 chat: each file gets a
 * download URL (like the short-lived, pre-authenticated `downloadUrl` Teams puts in a
 * `file.download.info` attachment) that answers with the file's bytes, or 404 once forgotten.
 */
export class FileServer {
  private readonly files = new Map<string, { body: Buffer; type: string }>();
  /** Every path requested, in order. */
  readonly requested: string[] = [];

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FileServer> {
    const server = createServer();
    const files = new FileServer(server);
    server.on('request', (request, response) => {
      const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
      files.requested.push(path);
      const file = files.files.get(path);
      if (!file || request.method !== 'GET') {
        response.writeHead(404);
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
      response.end(file.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return files;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Serves `content` under a fresh download URL and returns it. */
  serve(name: string, content: string | Buffer, type = 'text/csv'): string {
    const path = `/download/${randomUUID()}/${name}`;
    this.files.set(path, { body: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, type });
    return `${this.url}${encodeURI(path)}`;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }
}
