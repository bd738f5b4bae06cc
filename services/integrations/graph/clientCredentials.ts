import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

import type { Transport } from './httpsTransport';

/**
 * App-only access to Microsoft Graph: the OAuth 2.0 client credentials grant against the
 * Microsoft identity platform (`POST {authority}/{tenant}/oauth2/v2.0/token`, scope
 * `https://graph.microsoft.com/.default`). The token is reused until shortly before it expires,
 * and concurrent callers share one token request.
 */

export interface ClientCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Default https://login.microsoftonline.com. */
  readonly authorityHost?: string;
  /** Default https://graph.microsoft.com/.default. */
  readonly scope?: string;
}

const tokenResponseSchema = z.object({
  token_type: z.string(),
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});

const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** Renew this long before expiry, so a token never runs out between check and use. */
const renewBeforeMs = 5 * 60_000;

export class ClientCredentialsProvider implements AuthenticationProvider {
  private cached: { token: string; renewAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly transport: Transport,
    private readonly now: () => number = Date.now,
  ) {}

  get tokenEndpoint(): string {
    const authority = (this.credentials.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
    return `${authority}/${encodeURIComponent(this.credentials.tenantId)}/oauth2/v2.0/token`;
  }

  async getAccessToken(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.token;
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async requestToken(): Promise<string> {
    const form = new URLSearchParams({
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
      grant_type: 'client_credentials',
      scope: this.credentials.scope ?? 'https://graph.microsoft.com/.default',
    });
    const response = await this.transport(new Request(this.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    }));
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      // The error code and description name the problem (wrong secret, unknown tenant) and
      // never contain the secret itself.
      const problem = tokenErrorSchema.safeParse(json);
      const detail = problem.success ? `${problem.data.error}: ${problem.data.error_description ?? ''}` : `HTTP ${response.status}`;
      throw new Error(`Microsoft identity platform refused the Graph token request (${detail.trim()})`);
    }
    const token = tokenResponseSchema.parse(json);
    const lifetimeMs = token.expires_in * 1000;
    this.cached = { token: token.access_token, renewAt: this.now() + Math.max(lifetimeMs - renewBeforeMs, lifetimeMs / 2) };
    return token.access_token;
  }
}
