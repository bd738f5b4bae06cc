import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server standing in for the Bot Framework connector (the Teams service at the
 * activity's `serviceUrl`). It speaks the documented v3 REST shapes the bot uses, records every
 * call, and can be told to throttle (429 with Retry-After) the next calls, as Teams does.
 */

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string | undefined;
  /** The activity replied to (POST …/activities/{id}) or updated (PUT …/activities/{id}). */
  readonly activityId: string | undefined;
  /** The id this stand-in gave the activity it received. */
  readonly assignedId: string | undefined;
  readonly body: Record<string, unknown>;
  readonly answeredStatus: number;
}

export type SentActivity = Record<string, unknown> & {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  conversation?: { id: string };
};

export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  /** Conversations the bot opened (POST /v3/conversations), by the member ids it named. */
  private readonly opened = new Map<string, string[]>();
  private readonly failing = new Map<string, number>();
  private readonly held = new Map<string, (() => void)[]>();
  private throttleNext = 0;
  private throttleOnly: string | undefined;
  private nextId = 1;
  private waiters: (() => void)[] = [];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<ConnectorStandIn> {
    const standIn: ConnectorStandIn = new ConnectorStandIn(http.createServer((req, res) => standIn.handle(req, res)));
    const server = standIn.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  /** The serviceUrl to put on activities (with the trailing slash Teams uses). */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Answer the next `count` calls (to one conversation, if named) with 429 Too Many Requests and Retry-After: 1. */
  throttle(count: number, conversationId?: string): void {
    this.throttleNext = count;
    this.throttleOnly = conversationId;
  }

  /** Answer every call to the conversation with `status` (e.g. 403: the bot was removed from the chat) until `heal`. */
  failAlways(conversationId: string, status = 403): void {
    this.failing.set(conversationId, status);
  }

  heal(conversationId: string): void {
    this.failing.delete(conversationId);
  }

  /** Leave every call to the conversation unanswered (a hung connection) until `release`. */
  hold(conversationId: string): void {
    if (!this.held.has(conversationId)) this.held.set(conversationId, []);
  }

  /** Answers the held calls to the conversation, and lets later ones through. */
  release(conversationId: string): void {
    const waiting = this.held.get(conversationId) ?? [];
    this.held.delete(conversationId);
    for (const answer of waiting) answer();
  }

  /** How many calls to the conversation are being held unanswered now. */
  heldCount(conversationId: string): number {
    return this.held.get(conversationId)?.length ?? 0;
  }

  /** Activities the bot sent (new and replies), in order, optionally to one conversation. */
  sent(conversationId?: string): SentActivity[] {
    return this.calls
      .filter((call) => call.method === 'POST' && call.answeredStatus < 300 && /\/activities(\/[^/]+)?$/.test(call.path))
      .filter((call) => !conversationId || call.conversationId === conversationId)
      .map((call) => ({ ...(call.body as SentActivity), id: call.assignedId }));
  }

  /**
   * What a person would see in the conversation now: every message the bot posted, each
   * replaced by its latest update (cards are updated in place with PUT).
   */
  current(conversationId: string): SentActivity[] {
    return this.sent(conversationId).map((activity) => {
      const update = this.calls.filter((call) => call.method === 'PUT' && call.activityId === activity.id && call.answeredStatus < 300).at(-1);
      return update ? ({ ...(update.body as SentActivity), id: activity.id } as SentActivity) : activity;
    });
  }

  /** Every 1:1 conversation with this person: the one they started, and any the bot opened. */
  conversationsWith(aadObjectId: string): string[] {
    const opened = [...this.opened].filter(([, members]) => members.some((id) => id === aadObjectId || id === `29:${aadObjectId}`));
    return [`a:personal-${aadObjectId}`, ...opened.map(([id]) => id)];
  }

  /** What the bot sent a person in any 1:1 conversation with them. */
  sentTo(aadObjectId: string): SentActivity[] {
    return this.conversationsWith(aadObjectId).flatMap((conversationId) => this.sent(conversationId));
  }

  /** Card updates (PUT …/activities/{id}) the bot made. */
  updates(conversationId?: string): ConnectorCall[] {
    return this.calls.filter((call) => call.method === 'PUT' && (!conversationId || call.conversationId === conversationId));
  }

  /** Resolves when `predicate` holds over what has been received, or rejects after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 15_000, what = 'the expected message'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
      const match = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?/.exec(path);
      const held = match?.[1] !== undefined && req.method !== 'GET' ? this.held.get(match[1]) : undefined;
      if (held) {
        held.push(() => this.respond(req, res, path, body, match?.[1], match?.[2]));
        for (const wake of this.waiters.splice(0)) wake();
        return;
      }
      this.respond(req, res, path, body, match?.[1], match?.[2]);
    });
  }

  private respond(req: http.IncomingMessage, res: http.ServerResponse, path: string, body: Record<string, unknown>, conversationId: string | undefined, activityId: string | undefined): void {
    const answer = this.answer(req.method ?? 'GET', path, body, conversationId);
    this.calls.push({ method: req.method ?? 'GET', path, conversationId, activityId, assignedId: answer.assignedId, body, answeredStatus: answer.status });
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
    for (const wake of this.waiters.splice(0)) wake();
  }

  private answer(method: string, path: string, body: Record<string, unknown>, conversationId: string | undefined) {
    const failWith = conversationId !== undefined && method !== 'GET' ? this.failing.get(conversationId) : undefined;
    if (failWith !== undefined) return { status: failWith, headers: {}, body: { error: { code: 'Forbidden', message: 'The bot is not part of the conversation roster.' } }, assignedId: undefined };
    if (this.throttleNext > 0 && method !== 'GET' && (!this.throttleOnly || this.throttleOnly === conversationId)) {
      this.throttleNext -= 1;
      return { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled', message: 'Too many requests' } }, assignedId: undefined };
    }
    if (method === 'POST' && path === '/v3/conversations') {
      // Create a conversation (proactive 1:1 or a new channel thread).
      const id = `a:created-${this.nextId++}`;
      const members = (body.members as { id?: string }[] | undefined) ?? [];
      this.opened.set(id, members.map((member) => String(member.id)));
      const activityId = body.activity ? `act-${this.nextId++}` : undefined;
      return { status: 201, headers: {}, body: { id, activityId }, assignedId: activityId };
    }
    if (method === 'POST' && /\/activities(\/[^/]+)?$/.test(path)) {
      const id = `act-${this.nextId++}`;
      return { status: 200, headers: {}, body: { id }, assignedId: id };
    }
    if (method === 'PUT' && /\/activities\/[^/]+$/.test(path)) {
      return { status: 200, headers: {}, body: { id: path.split('/').pop() }, assignedId: undefined };
    }
    if (method === 'DELETE') return { status: 200, headers: {}, body: {}, assignedId: undefined };
    return { status: 404, headers: {}, body: { error: { code: 'NotFound', message: `stand-in has no ${method} ${path}` } }, assignedId: undefined };
  }
}
