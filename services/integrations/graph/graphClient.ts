import {
  AuthenticationHandler, Client, RedirectHandler, RedirectHandlerOptions, RetryHandler, RetryHandlerOptions, TelemetryHandler,
  type Context, type Middleware,
} from '@microsoft/microsoft-graph-client';

import { ClientCredentialsProvider, type ClientCredentials } from './clientCredentials';
import { createTransport, type Transport } from './httpsTransport';

/**
 * The Microsoft Graph client DARS Bot uses: `@microsoft/microsoft-graph-client` with app-only
 * auth (client credentials), Graph's own retry handler for short throttling, and our transport
 * at the end of the chain.
 *
 * Two traps of the library this handles:
 *  - it attaches the Authorization header only to https URLs on Graph's own hosts or on
 *    `customHosts`; a different `graphBaseUrl` (a sovereign cloud, the tests' stand-in) has its
 *    host added to `customHosts` here, and must be https;
 *  - its RetryHandler never retries an `application/octet-stream` upload, and sleeps in-process
 *    for as long as Retry-After says. So it retries inline only short waits; a longer wait, and
 *    every throttled upload, fails with the GraphError (status and Retry-After header) for the
 *    caller to retry later — the signature routing's step runner does that durably.
 */

export interface GraphClientOptions extends ClientCredentials {
  /** Default https://graph.microsoft.com. */
  readonly graphBaseUrl?: string;
  /** PEM certificate(s) to trust for Graph and the token endpoint (tests: the stand-in's). */
  readonly trustedCa?: string;
  /** Throttled JSON calls are retried in-process at most this many times… */
  readonly inlineRetries?: number;
  /** …and only when Retry-After asks for at most this many seconds. */
  readonly maxInlineRetryAfterSeconds?: number;
  readonly timeoutMs?: number;
}

export interface GraphConnection {
  readonly client: Client;
  readonly tokens: ClientCredentialsProvider;
  /** For the start-up log: where Graph calls go. */
  readonly description: string;
}

/** The hosts the library already trusts with a token (national clouds included). */
const graphHosts = new Set([
  'graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'graph.microsoft.de',
  'microsoftgraph.chinacloudapi.cn', 'canary.graph.microsoft.com',
]);

export function createGraphConnection(options: GraphClientOptions): GraphConnection {
  const baseUrl = new URL(options.graphBaseUrl ?? 'https://graph.microsoft.com');
  if (baseUrl.protocol !== 'https:') {
    // The client would send such requests without the Authorization header.
    throw new Error(`The Graph base URL must be https (got ${baseUrl.origin}): the Graph client sends its token only over https`);
  }
  const transport = createTransport({
    ...(options.trustedCa ? { ca: options.trustedCa } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const tokens = new ClientCredentialsProvider(options, transport);
  const maxWait = options.maxInlineRetryAfterSeconds ?? 10;
  const retryOptions = new RetryHandlerOptions(1, options.inlineRetries ?? 2, (_delay, _attempt, _request, _options, response) => {
    const retryAfter = retryAfterSeconds(response.headers);
    return retryAfter === undefined || retryAfter <= maxWait;
  });

  const client = Client.initWithMiddleware({
    baseUrl: baseUrl.origin,
    defaultVersion: 'v1.0',
    ...(graphHosts.has(baseUrl.hostname) ? {} : { customHosts: new Set([baseUrl.hostname]) }),
    middleware: [
      new AuthenticationHandler(tokens),
      new RetryHandler(retryOptions),
      new RedirectHandler(new RedirectHandlerOptions()),
      new TelemetryHandler(),
      new TransportHandler(transport),
    ],
  });
  return { client, tokens, description: `Microsoft Graph at ${baseUrl.origin} (tenant ${options.tenantId}, app ${options.clientId})` };
}

/** The last middleware: sends the request through our transport instead of global fetch. */
class TransportHandler implements Middleware {
  constructor(private readonly transport: Transport) {}

  async execute(context: Context): Promise<void> {
    // `new Request` normalises whatever form the earlier handlers left the headers in.
    const request = new Request(context.request, context.options as RequestInit | undefined);
    context.response = await this.transport(request);
  }
}

/** Retry-After as seconds: either a number of seconds or an HTTP date. */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
