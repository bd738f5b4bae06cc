import { createHash, randomUUID } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { StaffRole } from '../../services/domain/workflow';

/**
 * A local HTTPS server standing in for Microsoft Graph and the Microsoft identity platform's
 * token endpoint. It speaks the documented request and response shapes of every endpoint DARS
 * Bot uses, records each call (method, path, query, headers — Authorization included — and
 * body), and can answer the next calls to a path with 429 or 503 and Retry-After, as Graph does.
 *
 * It is HTTPS because the Graph client only attaches the Authorization header to https URLs
 * (on Graph's hosts or `customHosts`); its certificate (`standInCertificate`, for 127.0.0.1,
 * valid 2000–2100) is what the tests pass as the client's `trustedCa`.
 */

export const standInCertificate = `-----BEGIN CERTIFICATE-----
MIIBpzCCAUygAwIBAgICEAAwCgYIKoZIzj0EAwIwIjEgMB4GA1UEAwwXREFSUyBC
b3QgR3JhcGggc3RhbmQtaW4wIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAw
MDBaMCIxIDAeBgNVBAMMF0RBUlMgQm90IEdyYXBoIHN0YW5kLWluMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEORoKuOjdA5FZu0Gh+/y01Ld+cjJ/shBj4apIRJaC
zaRYBQEwtpu6C27aWIa4MIHq6x/FDVfmiTbBSGfI7V3x7qNwMG4wGgYDVR0RBBMw
EYcEfwAAAYIJbG9jYWxob3N0MAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgeA
MBMGA1UdJQQMMAoGCCsGAQUFBwMBMB0GA1UdDgQWBBRzTH/OzEjyHwGI+qp9exwI
9TyfTjAKBggqhkjOPQQDAgNJADBGAiEAgNWnK6pG0B3i5C7IEOLOV60rmTPxWPjD
Mr916nyFHLgCIQDDQ+KgCPTYa2Ze3KldZf6IxZ+FngeQDcSyQ3fChXLUJA==
-----END CERTIFICATE-----
`;

// A throwaway key for the loopback-only test certificate above; it protects nothing.
const standInKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgH2T7KBgcZ9hzmu5S
xjCFyB0SLIdWKnaefr0VDq6NhlShRANCAAQ5Ggq46N0DkVm7QaH7/LTUt35yMn+y
EGPhqkhEloLNpFgFATC2m7oLbtpYhrgwgerrH8UNV+aJNsFIZ8jtXfHu
-----END PRIVATE KEY-----
`;

/** The Entra ID group of each staff role in the stand-in's directory (the tests' GRAPH_*_GROUP_ID values). */
export const roleGroups: Readonly<Record<StaffRole, string>> = {
  staff: '11111111-0000-4000-8000-000000000001',
  assurance: '11111111-0000-4000-8000-000000000002',
  agd: '11111111-0000-4000-8000-000000000003',
  pag: '11111111-0000-4000-8000-000000000004',
  approver: '11111111-0000-4000-8000-000000000005',
  nhseSignatory: '11111111-0000-4000-8000-000000000006',
};

export interface GraphCall {
  readonly method: string;
  /** Decoded path, e.g. `/v1.0/drives/d1/root:/DSAs/NIC-1/file.pdf:/content`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON, or the form fields of a token request, or undefined for an upload. */
  readonly body: unknown;
  readonly bodyBytes: Buffer;
  /** 0 for a call that was held and never answered. */
  readonly answeredStatus: number;
}

export interface StandInUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail?: string;
}

interface StoredFile { id: string; name: string; path: string; bytes: Buffer }

type Route = (call: { method: string; path: string; query: URLSearchParams; body: unknown; bytes: Buffer }) => { status: number; json?: unknown };

export class GraphStandIn {
  readonly calls: GraphCall[] = [];
  readonly tenantId = 'f3b0a7e2-0000-4000-8000-00000000aaaa';
  readonly clientId = 'c1d2e3f4-0000-4000-8000-00000000bbbb';
  readonly clientSecret = 'stand-in-secret';
  readonly users = new Map<string, StandInUser>();
  /** Group id → member user ids (transitive membership is the tests' to model). */
  readonly groups = new Map<string, Set<string>>();
  /** User id → Teams app catalog ids installed in their personal scope. */
  readonly installedApps = new Map<string, Set<string>>();
  readonly files = new Map<string, StoredFile>();
  readonly issuedTokens: string[] = [];
  private holds: { match: (method: string, path: string) => boolean; remaining: number }[] = [];
  private readonly held: ServerResponse[] = [];
  private throttles: { match: (method: string, path: string) => boolean; remaining: number; status: 429 | 503; retryAfterSeconds: number }[] = [];

  private constructor(private readonly server: https.Server) {}

  static async start(): Promise<GraphStandIn> {
    const standIn: GraphStandIn = new GraphStandIn(https.createServer({ cert: standInCertificate, key: standInKey }, (req, res) => {
      standIn.handle(req, res).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    }));
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Both the Graph base URL and the authority host (they are one server here). */
  get url(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  addUser(user: StandInUser): this {
    this.users.set(user.id, user);
    return this;
  }

  setGroupMembers(groupId: string, userIds: readonly string[]): this {
    this.groups.set(groupId, new Set(userIds));
    return this;
  }

  /** Answer the next `count` calls whose path matches with `status` and Retry-After. */
  throttle(path: RegExp, count: number, options: { status?: 429 | 503; retryAfterSeconds?: number; method?: string } = {}): this {
    this.throttles.push({
      match: (method, callPath) => (!options.method || options.method === method) && path.test(callPath),
      remaining: count,
      status: options.status ?? 429,
      retryAfterSeconds: options.retryAfterSeconds ?? 1,
    });
    return this;
  }

  /**
   * Take the next `count` matching calls and never answer them: the caller hangs as if its
   * process had died mid-call. `dropHeld` later closes their connections unanswered.
   */
  hold(path: RegExp, count = 1, method?: string): this {
    this.holds.push({ match: (callMethod, callPath) => (!method || method === callMethod) && path.test(callPath), remaining: count });
    return this;
  }

  /** Resolves once `count` calls are being held. */
  async whenHeld(count = 1): Promise<void> {
    while (this.held.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  dropHeld(): void {
    for (const res of this.held.splice(0)) res.socket?.destroy();
  }

  /** Calls to Graph (not the token endpoint) whose path matches. */
  graphCalls(path?: RegExp, method?: string): GraphCall[] {
    return this.calls.filter((call) => call.path.startsWith('/v1.0/') && (!path || path.test(call.path)) && (!method || call.method === method));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    const contentType = headers['content-type'] ?? '';
    const body: unknown = contentType.startsWith('application/json') ? JSON.parse(bytes.toString('utf8') || 'null')
      : contentType.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(bytes.toString('utf8')))
      : undefined;

    const hold = this.holds.find((candidate) => candidate.remaining > 0 && candidate.match(method, path));
    if (hold) {
      hold.remaining -= 1;
      this.calls.push({ method, path, query: Object.fromEntries(url.searchParams), headers, body, bodyBytes: bytes, answeredStatus: 0 });
      this.held.push(res);
      return;
    }
    const answer = this.answer(method, path, url.searchParams, headers, body, bytes);
    this.calls.push({ method, path, query: Object.fromEntries(url.searchParams), headers, body, bodyBytes: bytes, answeredStatus: answer.status });
    res.writeHead(answer.status, { ...(answer.json !== undefined ? { 'content-type': 'application/json' } : {}), ...answer.headers });
    res.end(answer.json !== undefined ? JSON.stringify(answer.json) : undefined);
  }

  private answer(method: string, path: string, query: URLSearchParams, headers: Record<string, string>, body: unknown, bytes: Buffer): { status: number; json?: unknown; headers?: Record<string, string> } {
    const throttle = this.throttles.find((candidate) => candidate.remaining > 0 && candidate.match(method, path));
    if (throttle) {
      throttle.remaining -= 1;
      const code = throttle.status === 429 ? 'TooManyRequests' : 'serviceNotAvailable';
      return { status: throttle.status, headers: { 'retry-after': String(throttle.retryAfterSeconds) }, json: graphError(code, 'Please retry after the time in Retry-After.') };
    }
    if (method === 'POST' && path === `/${this.tenantId}/oauth2/v2.0/token`) return this.token(body);
    if (!path.startsWith('/v1.0/')) return { status: 404, json: graphError('BadRequest', `No such endpoint ${method} ${path}`) };
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    if (!token || !this.issuedTokens.includes(token)) {
      return { status: 401, json: graphError('InvalidAuthenticationToken', token ? 'Access token validation failure.' : 'Access token is empty.') };
    }
    for (const [pattern, route] of this.routes) {
      const match = pattern.exec(`${method} ${path}`);
      if (match) return route.call(this, match, { method, path, query, body, bytes });
    }
    return { status: 400, json: graphError('BadRequest', `Resource not found for the segment in ${method} ${path}`) };
  }

  private token(form: unknown): { status: number; json: unknown } {
    const fields = form as Record<string, string> | undefined;
    if (fields?.grant_type !== 'client_credentials' || fields.scope !== 'https://graph.microsoft.com/.default') {
      return { status: 400, json: { error: 'invalid_request', error_description: 'AADSTS900144: The request body must contain grant_type and scope.' } };
    }
    if (fields.client_id !== this.clientId || fields.client_secret !== this.clientSecret) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } };
    }
    const accessToken = `stand-in-token-${this.issuedTokens.length + 1}`;
    this.issuedTokens.push(accessToken);
    return { status: 200, json: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken } };
  }

  private readonly routes: [RegExp, (this: GraphStandIn, match: RegExpExecArray, call: Parameters<Route>[0]) => ReturnType<Route>][] = [
    [/^PUT \/v1\.0\/drives\/([^/]+)\/root:\/(.+):\/content$/, function (match, call) {
      const [, driveId, filePath] = match as unknown as [string, string, string];
      const key = `${driveId}/${filePath}`;
      const existing = this.files.get(key);
      const name = filePath.split('/').pop()!;
      const file = { id: existing?.id ?? `01${randomUUID().replace(/-/g, '').slice(0, 30).toUpperCase()}`, name, path: filePath, bytes: call.bytes };
      this.files.set(key, file);
      return {
        status: existing ? 200 : 201,
        json: {
          id: file.id, name, size: call.bytes.length,
          webUrl: `https://nhsengland.sharepoint.com/sites/DARS/Shared%20Documents/${filePath.split('/').map(encodeURIComponent).join('/')}`,
          file: { mimeType: 'application/pdf', hashes: { quickXorHash: createHash('sha1').update(call.bytes).digest('base64') } },
          parentReference: { driveId, driveType: 'documentLibrary' },
        },
      };
    }],
    [/^POST \/v1\.0\/drives\/([^/]+)\/items\/([^/]+)\/invite$/, function (match, call) {
      const itemId = match[2];
      if (![...this.files.values()].some((file) => file.id === itemId)) return { status: 404, json: graphError('itemNotFound', 'The resource could not be found.') };
      const request = call.body as { recipients?: { email?: string }[]; roles?: string[]; requireSignIn?: boolean; sendInvitation?: boolean };
      if (!Array.isArray(request?.recipients) || !Array.isArray(request.roles) || request.recipients.some((recipient) => !recipient.email)) {
        return { status: 400, json: graphError('invalidRequest', 'recipients and roles are required') };
      }
      return {
        status: 200,
        json: {
          value: request.recipients.map((recipient) => {
            const user = [...this.users.values()].find((candidate) => candidate.mail === recipient.email || candidate.userPrincipalName === recipient.email);
            return {
              id: randomUUID(), roles: request.roles,
              grantedToV2: user ? { user: { id: user.id, displayName: user.displayName } } : undefined,
              invitation: { email: recipient.email, signInRequired: request.requireSignIn === true },
            };
          }),
        },
      };
    }],
    [/^POST \/v1\.0\/users\/([^/]+)\/teamwork\/installedApps$/, function (match, call) {
      const userId = match[1]!;
      const bind = (call.body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
      const appId = typeof bind === 'string' ? /\/v1\.0\/appCatalogs\/teamsApps\/([^/]+)$/.exec(bind)?.[1] : undefined;
      if (!appId) return { status: 400, json: graphError('BadRequest', 'teamsApp@odata.bind is required') };
      const consent = (call.body as { consentedPermissionSet?: { resourceSpecificPermissions?: { permissionValue?: string; permissionType?: string }[] } }).consentedPermissionSet;
      if (consent && !consent.resourceSpecificPermissions?.every((p) => p.permissionValue && (p.permissionType === 'Application' || p.permissionType === 'Delegated'))) {
        return { status: 400, json: graphError('BadRequest', 'consentedPermissionSet.resourceSpecificPermissions: permissionValue and permissionType') };
      }
      const installed = this.installedApps.get(userId) ?? new Set<string>();
      if (installed.has(appId)) return { status: 409, json: graphError('Conflict', 'App is already installed.') };
      installed.add(appId);
      this.installedApps.set(userId, installed);
      return { status: 201 };
    }],
    [/^POST \/v1\.0\/users\/([^/]+)\/teamwork\/sendActivityNotification$/, function (_match, call) {
      const notice = call.body as { topic?: { source?: string; value?: string; webUrl?: string }; activityType?: string; previewText?: { content?: string } };
      if (!notice?.topic?.value || !notice.activityType || (notice.topic.source === 'text' && !notice.topic.webUrl)) {
        return { status: 400, json: graphError('BadRequest', 'topic (with webUrl for a text topic) and activityType are required') };
      }
      return { status: 204 };
    }],
    [/^POST \/v1\.0\/users\/([^/]+)\/checkMemberGroups$/, function (match, call) {
      const groupIds = (call.body as { groupIds?: unknown })?.groupIds;
      if (!Array.isArray(groupIds) || groupIds.length > 20) return { status: 400, json: graphError('Request_BadRequest', 'groupIds: 1 to 20 ids') };
      const userId = match[1]!;
      return { status: 200, json: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)', value: groupIds.filter((id) => this.groups.get(String(id))?.has(userId)) } };
    }],
    [/^GET \/v1\.0\/users\/([^/]+)$/, function (match, call) {
      const key = match[1]!.toLowerCase();
      const user = [...this.users.values()].find((candidate) => candidate.id === key || candidate.userPrincipalName.toLowerCase() === key);
      return user ? { status: 200, json: selected(user, call.query) } : { status: 404, json: graphError('Request_ResourceNotFound', `Resource '${match[1]}' does not exist.`) };
    }],
    [/^GET \/v1\.0\/users$/, function (_match, call) {
      const mail = /^mail eq '(.*)'$/.exec(call.query.get('$filter') ?? '')?.[1]?.replace(/''/g, "'");
      const users = [...this.users.values()].filter((user) => mail !== undefined && user.mail?.toLowerCase() === mail.toLowerCase());
      return { status: 200, json: { value: users.map((user) => selected(user, call.query)) } };
    }],
    [/^GET \/v1\.0\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/, function (match, call) {
      const members = [...(this.groups.get(match[1]!) ?? [])].map((id) => this.users.get(id)).filter((user): user is StandInUser => user !== undefined);
      return { status: 200, json: { value: members.map((user) => selected(user, call.query)) } };
    }],
  ];
}

function graphError(code: string, message: string): unknown {
  return { error: { code, message, innerError: { 'request-id': randomUUID(), date: new Date().toISOString() } } };
}

/** Applies `$select` the way Graph does (only the named properties, plus id). */
function selected(user: StandInUser, query: URLSearchParams): Record<string, unknown> {
  const names = query.get('$select')?.split(',');
  const entries = Object.entries(user).filter(([name]) => !names || names.includes(name) || name === 'id');
  return Object.fromEntries(entries);
}
