import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Framework's OpenID metadata and signing keys (what
 * BOT_OPENID_METADATA_URL points at), so production mode's token checks can be tried without
 * Microsoft: it can publish a key, or fail (500) as an outage would. `forgedToken` signs a
 * Bot Framework-shaped token with a key it never publishes, as an attacker would.
 */
export class OpenIdStandIn {
  /** `keys`: metadata and a published key; `failing`: every request answers 500. */
  mode: 'keys' | 'failing' = 'keys';
  requests = 0;
  private readonly published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly attackers = generateKeyPairSync('rsa', { modulusLength: 2048 });

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<OpenIdStandIn> {
    const standIn: OpenIdStandIn = new OpenIdStandIn(http.createServer((req, res) => standIn.handle(req, res)));
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get metadataUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
  }

  /** A token with the claims the Bot Framework sends, signed with a key nobody published. */
  forgedToken(appId: string, serviceUrl: string): string {
    return signToken(this.attackers.privateKey, 'attacker-key', appId, serviceUrl);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests += 1;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (this.mode === 'failing') return send(500, { error: 'unavailable' });
    const base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    if (req.url?.endsWith('/openidconfiguration')) {
      return send(200, { issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] });
    }
    const jwk = this.published.publicKey.export({ format: 'jwk' });
    send(200, { keys: [{ kty: 'RSA', use: 'sig', kid: 'published-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
  }
}

function signToken(key: KeyObject, kid: string, appId: string, serviceUrl: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part({ iss: 'https://api.botframework.com', aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url');
  return `${unsigned}.${signature}`;
}
