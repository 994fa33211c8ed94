import type { IncomingMessage, ServerResponse } from 'node:http';
import { memberStub, message, snowflake, user } from './payloads.ts';

/** One REST request the fake received. */
export interface RecordedCall {
  method: string;
  /** Path below `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Status the fake answered with. */
  status: number;
  /** Body the fake answered with. */
  response: unknown;
  /** performance.now() when the request arrived (same clock as the gateway's dispatch times). */
  at: number;
}

/** A scripted failure: the next `times` matching requests get this answer. */
export interface ScriptedFailure {
  method?: string;
  path: RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** The REST half of the fake: records every call and answers the routes Ward uses. */
export class FakeRest {
  readonly calls: RecordedCall[] = [];
  private failures: (ScriptedFailure & { left: number })[] = [];
  private waiters: { match: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }[] = [];
  /** Messages the fake can return on GET (dispatched ones are stored here too). */
  readonly messages = new Map<string, ReturnType<typeof message>>();
  /** Members timed out through PATCH /guilds/:guild/members/:user: user id → `communication_disabled_until`. */
  readonly timeouts = new Map<string, string | null>();
  /** Users whose DMs are closed: sending to their DM channel answers 403 / 50007. */
  readonly closedDms = new Set<string>();
  private dmChannels = new Map<string, string>();

  constructor(
    private readonly gatewayUrl: () => string,
    private readonly botUser: () => { id: string },
  ) {}

  /** Scripts failures for matching requests (429 with retry_after, 403, 404, 500…). */
  fail(failure: ScriptedFailure): void {
    this.failures.push({ ...failure, left: failure.times ?? 1 });
  }

  /** Calls matching `method` and a path pattern. */
  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Resolves with the first (past or future) call matching `match`. */
  waitForCall(match: (c: RecordedCall) => boolean): Promise<RecordedCall> {
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Handles one HTTP request under `/api/v10`. */
  async handle(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const at = performance.now();
    const raw = await readBody(req);
    const body =
      raw.length > 0 && String(req.headers['content-type']).includes('json') ? JSON.parse(raw) : raw || null;
    const method = req.method ?? 'GET';
    const answer = this.scripted(method, path) ?? this.route(method, path, body);
    const call: RecordedCall = {
      method,
      path,
      query,
      headers: req.headers,
      body,
      status: answer.status,
      response: answer.body,
      at,
    };
    this.calls.push(call);
    const type = answer.body === undefined ? {} : { 'content-type': 'application/json' };
    res.writeHead(answer.status, { ...type, ...answer.headers });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    for (const w of [...this.waiters]) {
      if (w.match(call)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(call);
      }
    }
  }

  private scripted(method: string, path: string): Answer | null {
    const f = this.failures.find(
      (x) => x.left > 0 && (!x.method || x.method === method) && x.path.test(path),
    );
    if (!f) return null;
    f.left -= 1;
    return { status: f.status, body: f.body ?? errorBody(f.status), headers: f.headers ?? {} };
  }

  private route(method: string, path: string, body: unknown): Answer {
    const bot = this.botUser();
    const seg = path.split('/').filter(Boolean);
    if (method === 'GET' && path === '/gateway/bot') {
      const limit = { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 1 };
      return { status: 200, body: { url: this.gatewayUrl(), shards: 1, session_start_limit: limit } };
    }
    if (method === 'PUT' && seg[0] === 'applications' && seg[4] === 'commands') {
      const list = Array.isArray(body) ? body : [];
      return {
        status: 200,
        body: list.map((c: object) => ({ ...c, id: snowflake(), version: snowflake() })),
      };
    }
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String((body as { recipient_id?: string }).recipient_id);
      const id = this.dmChannels.get(recipient) ?? snowflake();
      this.dmChannels.set(recipient, id);
      return { status: 200, body: { id, type: 1, recipients: [{ id: recipient }] } };
    }
    if (seg[0] === 'channels' && seg[2] === 'messages' && seg[1]) {
      const channelId = seg[1];
      const dmOf = [...this.dmChannels].find(([, c]) => c === channelId)?.[0];
      if (method === 'POST' && seg.length === 3) {
        if (dmOf && this.closedDms.has(dmOf))
          return { status: 403, body: { code: 50007, message: 'Cannot send messages to this user' } };
        const content = String((body as { content?: string }).content ?? '');
        return {
          status: 200,
          body: {
            ...message({ channelId, author: user(bot.id, 'Ward', true), content }),
            ...(body as object),
          },
        };
      }
      const stored = seg[3] ? this.messages.get(seg[3]) : undefined;
      if (method === 'DELETE' && seg[3]) return { status: 204 };
      if (method === 'PATCH' && seg[3]) {
        return {
          status: 200,
          body: {
            ...message({ id: seg[3], channelId, author: user(bot.id, 'Ward', true), content: '' }),
            ...(body as object),
          },
        };
      }
      if (method === 'GET' && stored) return { status: 200, body: stored };
    }
    if (method === 'PATCH' && seg[0] === 'guilds' && seg[2] === 'members' && seg[3] && seg.length === 4) {
      // Modify Guild Member; Ward sends only the timeout field (what GuildMember.timeout() sends).
      const until = (body as { communication_disabled_until?: string | null }).communication_disabled_until;
      if (until !== undefined) this.timeouts.set(seg[3], until);
      return {
        status: 200,
        body: { ...memberStub([]), user: user(seg[3]), communication_disabled_until: until ?? null },
      };
    }
    if (method === 'POST' && seg[0] === 'interactions' && seg[3] === 'callback') return { status: 204 };
    if (seg[0] === 'webhooks' && (method === 'PATCH' || method === 'POST')) {
      const content = String((body as { content?: string }).content ?? '');
      return {
        status: 200,
        body: {
          ...message({ channelId: '0', author: user(bot.id, 'Ward', true), content }),
          ...(body as object),
        },
      };
    }
    return { status: 404, body: { code: 0, message: '404: Not Found' } };
  }
}

function errorBody(status: number): unknown {
  if (status === 403) return { code: 50013, message: 'Missing Permissions' };
  if (status === 404) return { code: 10008, message: 'Unknown Message' };
  return { code: 0, message: `${status}` };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
