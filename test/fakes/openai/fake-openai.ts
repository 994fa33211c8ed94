import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received, with its raw body exactly as it went over the wire. */
export interface RecordedRequest {
  path: string;
  authorization: string | null;
  rawBody: string;
  body: Record<string, unknown>;
}

/** How the fake answers a chat completion. */
export type ChatReply =
  | { kind: 'json'; value: unknown }
  | { kind: 'content'; content: string; finishReason?: 'stop' | 'length' | 'content_filter' }
  | { kind: 'refusal'; refusal: string }
  | { kind: 'status'; status: 429 | 500 | 503 }
  | { kind: 'slow'; ms: number; reply: ChatReply };

/** How the fake answers a moderation request: category scores (missing ones are 0). */
export type ModerationReply =
  | { kind: 'scores'; scores: Record<string, number> }
  | { kind: 'status'; status: 429 | 500 };

/** The user message of a chat request (Ward sends one JSON payload). */
export function userPayload(req: RecordedRequest): Record<string, unknown> {
  const messages = (req.body.messages ?? []) as { role: string; content: string }[];
  const user = messages.find((m) => m.role === 'user');
  return user ? (JSON.parse(user.content) as Record<string, unknown>) : {};
}

const tokens = (s: string) => Math.ceil(s.length / 4);

/**
 * A loopback OpenAI-compatible API: `POST /v1/chat/completions` (JSON output, refusals, 429, 500, slow answers) and
 * `POST /v1/moderations`. Records every request body; answers with `chat` / `moderation`, which tests replace.
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  chat: (req: RecordedRequest) => ChatReply = () => ({ kind: 'json', value: NO_CONCERN });
  moderation: (req: RecordedRequest) => ModerationReply = () => ({ kind: 'scores', scores: {} });
  private server: Server | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();

  /** Requests to one endpoint (`chat/completions` or `moderations`). */
  calls(endpoint: 'chat/completions' | 'moderations'): RecordedRequest[] {
    return this.requests.filter((r) => r.path === `/v1/${endpoint}`);
  }

  /** Starts listening on a free loopback port; returns the base URL for the SDK (`…/v1`). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Stops, dropping open connections (slow answers in flight are abandoned). */
  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const recorded: RecordedRequest = {
      path: (req.url ?? '').split('?')[0] ?? '',
      authorization: req.headers.authorization ?? null,
      rawBody,
      body: rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {},
    };
    this.requests.push(recorded);
    if (req.method !== 'POST') return send(res, 405, { error: { message: 'method not allowed' } });
    if (recorded.path === '/v1/chat/completions') return this.answerChat(res, recorded, this.chat(recorded));
    if (recorded.path === '/v1/moderations')
      return this.answerModeration(res, recorded, this.moderation(recorded));
    send(res, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
  }

  private answerChat(res: ServerResponse, req: RecordedRequest, reply: ChatReply): void {
    if (reply.kind === 'slow') {
      const t = setTimeout(() => {
        this.timers.delete(t);
        if (!res.destroyed) this.answerChat(res, req, reply.reply);
      }, reply.ms);
      this.timers.add(t);
      return;
    }
    if (reply.kind === 'status') {
      sendError(res, reply.status);
      return;
    }
    const content =
      reply.kind === 'json' ? JSON.stringify(reply.value) : reply.kind === 'content' ? reply.content : null;
    const finish = reply.kind === 'content' ? (reply.finishReason ?? 'stop') : 'stop';
    const completion = tokens(content ?? '') + 1;
    send(res, 200, {
      id: `chatcmpl-${this.requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: String(req.body.model ?? ''),
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: reply.kind === 'refusal' ? reply.refusal : null },
          finish_reason: finish,
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: tokens(req.rawBody),
        completion_tokens: completion,
        total_tokens: tokens(req.rawBody) + completion,
      },
    });
  }

  private answerModeration(res: ServerResponse, req: RecordedRequest, reply: ModerationReply): void {
    if (reply.kind === 'status') {
      sendError(res, reply.status);
      return;
    }
    const flagged = Object.values(reply.scores).some((s) => s >= 0.5);
    send(res, 200, {
      id: `modr-${this.requests.length}`,
      model: String(req.body.model ?? ''),
      results: [
        {
          flagged,
          categories: Object.fromEntries(Object.entries(reply.scores).map(([k, v]) => [k, v >= 0.5])),
          category_scores: reply.scores,
        },
      ],
    });
  }
}

/** A valid opinion with no concern. */
export const NO_CONCERN = {
  crisis_type: 'none',
  boundary_labels: [],
  misinformation_claim: null,
  confidence: 0.9,
  rationale: 'Nothing of concern.',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number): void {
  const type = status === 429 ? 'rate_limit_exceeded' : 'server_error';
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(status === 429 ? { 'retry-after': '1' } : {}),
  });
  res.end(JSON.stringify({ error: { message: `fake ${status}`, type, code: type } }));
}
