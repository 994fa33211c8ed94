import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { OFFERED_PER_S } from '../../../bench/offered-rate.ts';
import {
  deletePrefix,
  postgresProblem,
  redisProblem,
  type ThrowawayDatabase,
  throwawayDatabase,
} from '../../../bench/services.ts';
import { percentile, roundFigure, sleep, withTimeout } from '../../../bench/stats.ts';
import type { BenchContext, BenchRow, RowOutcome } from '../../../bench/types.ts';
import type { IngestPort } from '../../../bots/contract.ts';
import { createDeferredDelivery, startSlackAdapter } from '../../../bots/slack/index.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import { startWard } from '../../../worker/runtime.ts';
import { envelope, messageEvent } from './payloads.ts';
import { FakeSocketModeServer } from './socket-mode-server.ts';
import { FakeSlackWebApi } from './web-api-server.ts';

const PHONE_EVERY = 20;
const WAIT_MS = 15_000;
const BOT_TOKEN = 'xoxb-bench';
const APP_TOKEN = 'xapp-bench';
const ADMIN_TOKEN = 'xoxp-bench-admin';
const PEER = 'CPEER';

/** A Dutch mobile number that differs per message, so every post is new content. */
const phoneText = (i: number) =>
  `Bel me gerust op 06 1${String(i % 10)} ${String(10 + (i % 90))} 34 56, groetjes`;

let tsSeq = 0;
/** A fresh Slack message timestamp (the message's identity within the channel). */
const nextTs = () => `1700002000.${String(++tsSeq).padStart(6, '0')}`;

/** Push → ingest accepted (in the queue), as fast as the Socket Mode connection takes envelopes. */
async function throughput(
  socket: FakeSocketModeServer,
  accepted: Map<string, number>,
  texts: string[],
  n: number,
): Promise<number> {
  const t0 = performance.now();
  const sent: string[] = [];
  for (let i = 0; i < n; i++) {
    const ts = nextTs();
    sent.push(ts);
    const text = `${texts[i % texts.length]} (${i})`;
    void socket.push('events_api', envelope(messageEvent({ channel: PEER, user: `UB${i}`, text, ts })));
  }
  await withTimeout(
    (async () => {
      while (!sent.every((ts) => accepted.has(ts))) await sleep(5);
    })(),
    WAIT_MS * 2,
    'burst ingest',
  );
  const last = Math.max(...sent.map((ts) => accepted.get(ts)!));
  return (n / (last - t0)) * 1000;
}

/**
 * Offered load with one phone number in PHONE_EVERY events: push → Bolt's ack (every event), and
 * push → chat.delete reaching the fake Web API (phone events).
 */
async function offered(
  socket: FakeSocketModeServer,
  deletedAt: Map<string, number>,
  texts: string[],
  ms: number,
): Promise<{ acks: number[]; exposure: number[]; lost: number }> {
  const phones: { ts: string; at: number }[] = [];
  const acks: Promise<number>[] = [];
  const total = Math.max(PHONE_EVERY, Math.round((ms / 1000) * OFFERED_PER_S));
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / OFFERED_PER_S;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const isPhone = i % PHONE_EVERY === PHONE_EVERY - 1;
    const ts = nextTs();
    const text = isPhone ? phoneText(i) : `${texts[i % texts.length]} [${i}]`;
    const at = performance.now();
    // Many authors, as in a busy workspace (and no merging into one author's open escalation).
    const pushed = socket.push(
      'events_api',
      envelope(messageEvent({ channel: PEER, user: `U${i}`, text, ts })),
    );
    acks.push(withTimeout(pushed, WAIT_MS, 'ack').then(() => performance.now() - at));
    if (isPhone) phones.push({ ts, at });
  }
  const ackMs = await Promise.all(acks);
  const deadline = performance.now() + WAIT_MS;
  while (phones.some((p) => !deletedAt.has(p.ts)) && performance.now() < deadline) await sleep(10);
  const exposure = phones.filter((p) => deletedAt.has(p.ts)).map((p) => deletedAt.get(p.ts)! - p.at);
  return { acks: ackMs, exposure, lost: phones.length - exposure.length };
}

/** One phone post removed end to end, so lexicon builds and connection set-up are not measured. */
async function warmUp(socket: FakeSocketModeServer, deletedAt: Map<string, number>): Promise<void> {
  const ts = nextTs();
  await socket.push(
    'events_api',
    envelope(messageEvent({ channel: PEER, user: 'UWARM', text: phoneText(0), ts })),
  );
  await withTimeout(
    (async () => {
      while (!deletedAt.has(ts)) await sleep(10);
    })(),
    WAIT_MS * 2,
    'warm-up removal',
  );
}

/** Postgres (throwaway database) when it answers, else PGlite in the temp dir. */
async function pickDatabase(ctx: BenchContext): Promise<ThrowawayDatabase | null> {
  if (!ctx.postgresUrl || (await postgresProblem(ctx.postgresUrl))) return null;
  return throwawayDatabase(ctx.postgresUrl, `${ctx.runTag}-slack`);
}

/** `adapter.slack`: the real Bolt app (Socket Mode) and runtime (real Redis) against the loopback Slack fakes. */
export const adapterSlackRow: BenchRow = {
  name: 'adapter.slack',
  async run(ctx: BenchContext): Promise<RowOutcome> {
    const problem = await redisProblem(ctx.redisUrl);
    if (problem) return { skipped: problem };
    const texts = ctx.corpus.filter((m) => !m.crisis && m.space === 'peer_support').map((m) => m.text);
    if (!texts.length) return { skipped: 'no ordinary peer-support messages in the corpus' };
    const prefix = `ward-bench-${ctx.runTag}-slack`;
    const dir = mkdtempSync(path.join(tmpdir(), 'ward-bench-slack-'));
    const cleanups: (() => Promise<unknown>)[] = [];
    try {
      const api = await FakeSlackWebApi.start({
        [BOT_TOKEN]: { team_id: 'T1', user_id: 'UBOT', bot_id: 'BBOT' },
        [APP_TOKEN]: { team_id: 'T1', user_id: 'UBOT' },
        [ADMIN_TOKEN]: { team_id: 'T1', user_id: 'UADMIN' },
      });
      cleanups.push(() => api.close());
      api.setGroupMembers('SMODS', ['UMOD']);
      // The responder runs as the request arrives: that instant is the end of the exposure window.
      const deletedAt = new Map<string, number>();
      api.respond('chat.delete', (call) => {
        if (call.token === ADMIN_TOKEN) deletedAt.set(String(call.args.ts), performance.now());
        return { ok: true, channel: call.args.channel, ts: call.args.ts };
      });
      const socket = await FakeSocketModeServer.start();
      cleanups.push(() => socket.close());
      api.socketUrl = socket.url;
      const pg = await pickDatabase(ctx);
      if (pg) cleanups.push(() => pg.drop());
      const config = validateConfig({
        community: { id: 'bench', name: 'Bench', admin_channel: { platform: 'slack', id: 'CADMIN' } },
        channels: [{ platform: 'slack', id: PEER, space: 'peer_support' }],
        roles: { moderator: ['SMODS'] },
      });
      const logger = pino({ level: 'error' }, pino.destination(2));
      const delivery = createDeferredDelivery('slack');
      const runtime = await startWard({
        databaseUrl: pg?.url,
        dataDir: dir,
        dataKey: randomBytes(32),
        redisUrl: ctx.redisUrl,
        queuePrefix: prefix,
        config,
        roles: ['worker', 'bots'],
        deliveries: [delivery],
        logger,
      });
      cleanups.push(() => runtime.close());
      const accepted = new Map<string, number>();
      const ingest: IngestPort = {
        receive: async (m) => {
          const r = await runtime.ingest.receive(m);
          accepted.set(m.platformMessageId, performance.now());
          return r;
        },
        deleted: (ref) => runtime.ingest.deleted(ref),
        action: (a) => runtime.ingest.action(a),
      };
      const env = {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_ADMIN_USER_TOKEN: ADMIN_TOKEN,
        SLACK_API_URL: api.url,
        SLACK_MODE: 'socket',
      };
      const adapter = await startSlackAdapter({ ingest, config, env, logger });
      cleanups.push(() => adapter.stop());
      delivery.resolve(adapter.delivery);
      await withTimeout(socket.waitForConnection(), WAIT_MS, 'socket mode connection');

      await warmUp(socket, deletedAt);
      const load = await offered(socket, deletedAt, texts, ctx.sizes.pipelineSteadyMs);
      const rate = await throughput(socket, accepted, texts, ctx.quick ? 300 : 1000);
      return {
        row: {
          msgs_per_s: roundFigure(rate),
          ack_p50_ms: roundFigure(percentile(load.acks, 50)),
          ack_p99_ms: roundFigure(percentile(load.acks, 99)),
          exposure_p50_ms: roundFigure(percentile(load.exposure, 50)),
          exposure_p99_ms: roundFigure(percentile(load.exposure, 99)),
          offered_per_s: OFFERED_PER_S,
        },
        note:
          `Socket Mode; ${load.acks.length} events (${load.exposure.length} phone numbers) at ` +
          `${OFFERED_PER_S}/s on ${pg ? 'PostgreSQL' : 'PGlite'}` +
          (load.lost ? `; ${load.lost} not removed in ${WAIT_MS} ms` : ''),
      };
    } finally {
      for (const close of cleanups.reverse()) await close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      await deletePrefix(ctx.redisUrl, prefix).catch(() => {});
    }
  },
};
