import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { WardRuntime } from '../../worker/runtime.ts';
import type { SandboxDelivery } from './delivery.ts';
import { PERSONAS, SANDBOX_WORKSPACE } from './sandbox-config.ts';
import type { SandboxSession } from './sandbox-session.ts';

const MAX_BODY = 1_000_000;
const zPost = z.object({
  channel: z.string().min(1),
  text: z.string().min(1),
  as: z.enum(['member', 'clinician', 'moderator']).default('member'),
  locale: z.string().nullable().default(null),
});
const zAction = z.object({
  action: z.enum([
    'claim',
    'unclaim',
    'resolve_approve',
    'resolve_remove',
    'dismiss',
    'repost_redacted',
    'appeal',
  ]),
  subject: z.string().min(1),
  as: z.enum(['member', 'clinician', 'moderator']).default('moderator'),
});

/** The sandbox's local HTTP endpoint: POST /messages, POST /actions, GET /effects, GET /health (loopback only). */
export async function startSandboxHttp(
  runtime: WardRuntime,
  session: SandboxSession,
  delivery: SandboxDelivery,
  port: number,
): Promise<{ server: Server; port: number }> {
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method === 'GET' && req.url === '/health') return send(200, { ok: true });
      if (req.method === 'GET' && req.url === '/effects') return send(200, delivery.delivered.slice(-100));
      if (req.method === 'POST' && req.url === '/messages') {
        const body = zPost.safeParse(await readJson(req));
        if (!body.success)
          return send(400, {
            error: 'expected {"channel": "...", "text": "...", "as": "member|clinician|moderator"}',
          });
        return send(
          200,
          await session.post(body.data.channel, body.data.text, body.data.as, body.data.locale),
        );
      }
      if (req.method === 'POST' && req.url === '/actions') {
        const body = zAction.safeParse(await readJson(req));
        if (!body.success)
          return send(400, { error: 'expected {"action": "claim|…", "subject": "<id>", "as": "moderator"}' });
        const who = PERSONAS[body.data.as];
        const result = await runtime.ingest.action({
          platform: 'sandbox',
          workspaceId: SANDBOX_WORKSPACE,
          actionId: body.data.action,
          subject: body.data.subject,
          actor: { id: who.id, roles: who.roles },
        });
        return send(200, result ?? { status: 'done' });
      }
      send(404, { error: 'try POST /messages, POST /actions, GET /effects or GET /health' });
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      send(status, { error: status === 500 ? 'internal error' : (err as Error).message });
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw Object.assign(new Error('body larger than 1 MB'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw Object.assign(new Error('body is not valid JSON'), { status: 400 });
  }
}
