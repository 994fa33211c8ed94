import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the fake received. */
export interface RecordedCall {
  method: string;
  token: string | null;
  args: Record<string, unknown>;
}

/** Who a token belongs to, as `auth.test` reports it. */
export interface FakeIdentity {
  team_id: string;
  user_id: string;
  bot_id?: string;
}

type Responder = (call: RecordedCall) => Record<string, unknown>;
type Override = { status: 429; retryAfterSec: number } | { status: 200; error: string };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// Form fields holding Block Kit (blocks, attachments…) arrive as JSON strings.
function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * A loopback Slack Web API: `POST /api/<method>` (form-encoded or JSON), records every call, answers the methods
 * Ward uses, and can be told to fail a method once (HTTP 429 with Retry-After, or a Slack error code).
 * `POST /response/<id>` stands in for response_url.
 */
export class FakeSlackWebApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: { path: string; body: Record<string, unknown> }[] = [];
  /** What apps.connections.open hands out (set by the Socket Mode fake). */
  socketUrl: string | null = null;
  private readonly responders = new Map<string, Responder>();
  private readonly overrides = new Map<string, Override[]>();
  private readonly groups = new Map<string, string[]>();
  private readonly waiters = new Set<() => void>();
  private seq = 0;

  private constructor(
    private readonly server: Server,
    readonly tokens: ReadonlyMap<string, FakeIdentity>,
  ) {}

  /** Starts the fake on a free loopback port; `tokens` maps each accepted token to its identity. */
  static async start(tokens: Record<string, FakeIdentity>): Promise<FakeSlackWebApi> {
    let fake: FakeSlackWebApi | null = null;
    const server = createServer((req, res) => void fake!.handle(req, res));
    fake = new FakeSlackWebApi(server, new Map(Object.entries(tokens)));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  /** The base URL to give the Slack SDK (`clientOptions.slackApiUrl` / SLACK_API_URL). */
  get url(): string {
    return `${this.origin}/api/`;
  }

  /** The server's origin, for response_url values in payloads. */
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Calls to one method, in order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Overrides the answer of a method. */
  respond(method: string, responder: Responder): void {
    this.responders.set(method, responder);
  }

  /** The next call to `method` gets HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitOnce(method: string, retryAfterSec: number): void {
    this.push(method, { status: 429, retryAfterSec });
  }

  /** The next call to `method` gets `{ ok: false, error }`. */
  failOnce(method: string, error: string): void {
    this.push(method, { status: 200, error });
  }

  /** Sets a user group's members (usergroups.users.list). */
  setGroupMembers(groupId: string, users: string[]): void {
    this.groups.set(groupId, users);
  }

  /** Resolves once `predicate` holds for the recorded calls (checked on every call); rejects after `timeoutMs`. */
  async waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate(this.calls)) return;
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!predicate(this.calls)) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error('fake Slack Web API: expected calls did not arrive'));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Stops the server. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private push(method: string, o: Override): void {
    this.overrides.set(method, [...(this.overrides.get(method) ?? []), o]);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.origin);
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    if (url.pathname.startsWith('/response/')) {
      this.responses.push({ path: url.pathname, body: args });
      this.notify();
      return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ')
      ? auth.slice(7)
      : typeof args.token === 'string'
        ? args.token
        : null;
    const call: RecordedCall = { method, token, args };
    this.calls.push(call);
    const answer = this.answer(call);
    if ('retryAfterSec' in answer) {
      res.writeHead(429, { 'retry-after': String(answer.retryAfterSec), 'content-type': 'application/json' });
      res.end('{"ok":false,"error":"ratelimited"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    }
    this.notify();
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private answer(call: RecordedCall): Record<string, unknown> | { retryAfterSec: number } {
    const queued = this.overrides.get(call.method)?.shift();
    if (queued)
      return queued.status === 429
        ? { retryAfterSec: queued.retryAfterSec }
        : { ok: false, error: queued.error };
    const identity = call.token ? this.tokens.get(call.token) : undefined;
    if (!identity) return { ok: false, error: 'invalid_auth' };
    const custom = this.responders.get(call.method);
    if (custom) return custom(call);
    return this.standard(call, identity);
  }

  private standard(call: RecordedCall, who: FakeIdentity): Record<string, unknown> {
    const { args } = call;
    const ts = () => `1800000000.${String(++this.seq).padStart(6, '0')}`;
    switch (call.method) {
      case 'auth.test':
        return { ok: true, url: 'https://ward-test.slack.com/', team: 'Ward Test', user: 'ward', ...who };
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: ts(), message: { text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'chat.update':
      case 'chat.delete':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://ward-test.slack.com/archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`,
        };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'usergroups.users.list':
        return { ok: true, users: this.groups.get(String(args.usergroup)) ?? [] };
      default:
        return { ok: true };
    }
  }
}
