import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { deletePrefix, redisProblem } from '../../../bench/services.ts';
import { percentile, roundFigure, sleep, withTimeout } from '../../../bench/stats.ts';
import type { BenchContext, BenchRow, RowOutcome } from '../../../bench/types.ts';
import type {
  DeliveryReceipt,
  IngestPort,
  OutboundEffect,
  PlatformDelivery,
} from '../../../bots/contract.ts';
import { encodeCustomId, startDiscordAdapter } from '../../../bots/discord/index.ts';
import { validateConfig } from '../../../worker/load-config.ts';
import { startWard } from '../../../worker/runtime.ts';
import type { FakeDiscord } from './fake-discord.ts';
import { buttonPress } from './interactions.ts';
import { message, snowflake, user } from './payloads.ts';
import { ids, makeFake } from './test-guild.ts';

const OFFERED_PER_S = 200;
const PHONE_EVERY = 20;
const WAIT_MS = 15_000;

/** A Dutch mobile number that differs per message, so every post is new content. */
const phoneText = (i: number) =>
  `Bel me gerust op 06 1${String(i % 10)} ${String(10 + (i % 90))} 34 56, groetjes`;

function late(): PlatformDelivery & { bind(d: PlatformDelivery): void } {
  let bind!: (d: PlatformDelivery) => void;
  const ready = new Promise<PlatformDelivery>((r) => {
    bind = r;
  });
  return {
    platform: 'discord',
    deliver: async (e: OutboundEffect): Promise<DeliveryReceipt> => (await ready).deliver(e),
    bind,
  };
}

/** Dispatch → ingest accepted (in the queue), as fast as the gateway hands messages over. */
async function throughput(
  fake: FakeDiscord,
  accepted: Map<string, number>,
  texts: string[],
  n: number,
): Promise<number> {
  const t0 = performance.now();
  const sent = Array.from(
    { length: n },
    (_, i) =>
      fake.postMessage({
        channelId: ids.peerChannel,
        authorId: ids.member,
        content: `${texts[i % texts.length]} (${i})`,
      }).id,
  );
  await withTimeout(
    (async () => {
      while (!sent.every((id) => accepted.has(id))) await sleep(5);
    })(),
    WAIT_MS * 2,
    'burst ingest',
  );
  const last = Math.max(...sent.map((id) => accepted.get(id)!));
  return (n / (last - t0)) * 1000;
}

/** Offered load with one phone number in PHONE_EVERY posts: dispatch → DELETE reaching the fake API. */
async function exposure(
  fake: FakeDiscord,
  texts: string[],
  ms: number,
): Promise<{ samples: number[]; lost: number }> {
  const phones: { id: string; at: number }[] = [];
  const total = Math.max(PHONE_EVERY, Math.round((ms / 1000) * OFFERED_PER_S));
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / OFFERED_PER_S;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const isPhone = i % PHONE_EVERY === PHONE_EVERY - 1;
    const at = performance.now();
    const content = isPhone ? phoneText(i) : `${texts[i % texts.length]} [${i}]`;
    // Many authors, as in a busy server (and no merging into one author's open escalation).
    const { id } = fake.postMessage({ channelId: ids.peerChannel, authorId: snowflake(), content });
    if (isPhone) phones.push({ id, at });
  }
  // Waited for together, so a few lost removals cost one timeout, not one each.
  const calls = await Promise.all(
    phones.map(async (p) => {
      const path = `/channels/${ids.peerChannel}/messages/${p.id}`;
      const wait = fake.rest.waitForCall((c) => c.method === 'DELETE' && c.path === path);
      const call = await withTimeout(wait, WAIT_MS, 'delete').catch(() => null);
      return call ? call.at - p.at : null;
    }),
  );
  const samples = calls.filter((ms): ms is number => ms !== null);
  const lost = calls.length - samples.length;
  return { samples, lost };
}

/** Button press dispatch → the deferUpdate callback reaching the fake API. */
async function acks(fake: FakeDiscord, n: number): Promise<number[]> {
  const mod = {
    guildId: ids.guild,
    channelId: ids.adminChannel,
    actor: user(ids.moderator, 'mod'),
    actorRoles: [ids.modRole],
  };
  const card = message({
    channelId: ids.adminChannel,
    guildId: ids.guild,
    author: fake.bot,
    content: 'card',
  });
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const at = performance.now();
    const customId = encodeCustomId({ actionId: 'claim', subject: `bench-${i}`, workspaceId: null });
    const press = fake.interact(buttonPress(mod, customId, card));
    const cb = `/interactions/${press.id}/${press.token}/callback`;
    const call = await withTimeout(
      fake.rest.waitForCall((c) => c.path === cb),
      WAIT_MS,
      'ack',
    );
    out.push(call.at - at);
  }
  return out;
}

/** `adapter.discord`: the real adapter and runtime (PGlite, real Redis) against the loopback Discord. */
export const adapterDiscordRow: BenchRow = {
  name: 'adapter.discord',
  async run(ctx: BenchContext): Promise<RowOutcome> {
    const problem = await redisProblem(ctx.redisUrl);
    if (problem) return { skipped: problem };
    const texts = ctx.corpus.filter((m) => !m.crisis && m.space === 'peer_support').map((m) => m.text);
    if (!texts.length) return { skipped: 'no ordinary peer-support messages in the corpus' };
    const prefix = `ward-bench-${ctx.runTag}-discord`;
    const dir = mkdtempSync(path.join(tmpdir(), 'ward-bench-discord-'));
    const fake = await makeFake().start();
    const logger = pino({ level: 'error' }, pino.destination(2));
    const config = validateConfig({
      community: { id: 'bench', name: 'Bench', admin_channel: { platform: 'discord', id: ids.adminChannel } },
      channels: [{ platform: 'discord', id: ids.peerChannel, space: 'peer_support' }],
      roles: { moderator: [ids.modRole] },
    });
    const delivery = late();
    const runtime = await startWard({
      dataDir: dir,
      dataKey: randomBytes(32),
      redisUrl: ctx.redisUrl,
      queuePrefix: prefix,
      config,
      roles: ['worker', 'bots'],
      deliveries: [delivery],
      logger,
    });
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
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
    };
    const adapter = await startDiscordAdapter({ ingest, config, env, logger });
    delivery.bind(adapter.delivery);
    try {
      const exp = await exposure(fake, texts, ctx.sizes.pipelineSteadyMs);
      const ack = await acks(fake, ctx.quick ? 50 : 300);
      const rate = await throughput(fake, accepted, texts, ctx.quick ? 300 : 1000);
      return {
        row: {
          msgs_per_s: roundFigure(rate),
          ack_p50_ms: roundFigure(percentile(ack, 50)),
          ack_p99_ms: roundFigure(percentile(ack, 99)),
          exposure_p50_ms: roundFigure(percentile(exp.samples, 50)),
          exposure_p99_ms: roundFigure(percentile(exp.samples, 99)),
          offered_per_s: OFFERED_PER_S,
        },
        note: `${exp.samples.length} phone posts at ${OFFERED_PER_S}/s on PGlite${exp.lost ? `; ${exp.lost} not removed in ${WAIT_MS} ms` : ''}`,
      };
    } finally {
      await adapter.stop().catch(() => {});
      await runtime.close().catch(() => {});
      await fake.stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
      await deletePrefix(ctx.redisUrl, prefix).catch(() => {});
    }
  },
};
