import http from 'node:http';
import https from 'node:https';

/**
 * Sends one HTTP request and returns a fetch `Response`: the last link of the Graph client's
 * middleware chain, and how the token is fetched. We use node:https rather than the global
 * fetch so that a deployment (or the tests' stand-in) can name the certificate authority to
 * trust (`ca`) without touching process-wide TLS settings; with no `ca` the usual public roots
 * apply, as they do for fetch.
 */

export interface TransportOptions {
  /** PEM certificate(s) to trust instead of the public roots, e.g. a test server's own. */
  readonly ca?: string;
  /** Give up on a request that has not answered in this time. */
  readonly timeoutMs?: number;
}

export type Transport = (request: Request) => Promise<Response>;

const noBodyStatuses = new Set([101, 204, 205, 304]);

export function createTransport(options: TransportOptions = {}): Transport {
  const agent = new https.Agent({ keepAlive: true, ...(options.ca ? { ca: options.ca } : {}) });
  const timeoutMs = options.timeoutMs ?? 60_000;

  return async (request) => {
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (body) headers['content-length'] = String(body.length);

    const send = url.protocol === 'https:' ? https.request : http.request;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = send(url, { method: request.method, headers, ...(url.protocol === 'https:' ? { agent } : {}), timeout: timeoutMs }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const status = incoming.statusCode ?? 500;
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value === undefined) continue;
            for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, item);
          }
          const payload = noBodyStatuses.has(status) ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders }));
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`${request.method} ${url.origin}${url.pathname} did not answer within ${timeoutMs} ms`)));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
