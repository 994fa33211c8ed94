import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type {
  DeliveryReceipt,
  IncomingMessage,
  OutboundEffect,
  PlatformDelivery,
} from '../../bots/contract.ts';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import { createLogger } from '../../worker/logger.ts';
import { validateConfig } from '../../worker/load-config.ts';
import { type StartOptions, startWard, type WardRuntime } from '../../worker/runtime.ts';
import { freshDataDir, freshPostgres, freshQueuePrefix, REDIS_URL } from './services.ts';

/** A community config with one channel per space kind on the sandbox platform. */
export function testConfig(patch: Record<string, unknown> = {}): CommunityConfig {
  return validateConfig({
    community: {
      id: 'test',
      name: 'Test',
      locale: 'en-GB',
      admin_channel: { platform: 'sandbox', id: 'mods' },
    },
    channels: [
      { platform: 'sandbox', id: 'peer', name: 'peer', space: 'peer_support' },
      { platform: 'sandbox', id: 'ask', name: 'ask', space: 'ask_a_clinician' },
      { platform: 'sandbox', id: 'clin', name: 'clin', space: 'clinician_only' },
      { platform: 'sandbox', id: 'gen', name: 'gen', space: 'general' },
    ],
    ...patch,
  });
}

/** Records what reached the platform boundary; can be told to fail. */
export class RecordingDelivery implements PlatformDelivery {
  readonly platform = 'sandbox' as const;
  readonly effects: OutboundEffect[] = [];
  failNext: Error[] = [];
  private waiters: (() => void)[] = [];

  async deliver(effect: OutboundEffect): Promise<DeliveryReceipt> {
    const err = this.failNext.shift();
    if (err) throw err;
    this.effects.push(effect);
    for (const w of this.waiters.splice(0)) w();
    return { platformMessageId: `p-${this.effects.length}` };
  }

  /** Resolves once `predicate` holds over the delivered effects. */
  async waitUntil(predicate: (effects: OutboundEffect[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.effects)) {
      if (Date.now() > deadline)
        throw new Error(
          `delivery condition not met; delivered: ${this.effects.map((e) => e.kind).join(',')}`,
        );
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
  }
}

/** A running Ward on fresh storage and a fresh queue prefix, with captured logs. */
export interface Harness {
  runtime: WardRuntime;
  delivery: RecordingDelivery;
  logs: string[];
  prefix: string;
  redis: Awaited<ReturnType<typeof freshQueuePrefix>>['redis'];
  databaseUrl: string | undefined;
  dataDir: string;
  /** Starts another runtime on the same storage and prefix (e.g. after a simulated crash). */
  restart(overrides?: Partial<StartOptions>): Promise<WardRuntime>;
  close(): Promise<void>;
}

/** Starts Ward against real Redis and real Postgres (or PGlite). */
export async function startHarness(
  driver: 'postgres' | 'pglite',
  overrides: Partial<StartOptions> = {},
): Promise<Harness> {
  const q = await freshQueuePrefix();
  const pg = driver === 'postgres' ? await freshPostgres() : null;
  const dir = freshDataDir();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const delivery = new RecordingDelivery();
  const dataKey = randomBytes(32);
  const base: StartOptions = {
    databaseUrl: pg?.url,
    dataDir: dir.dir,
    dataKey,
    redisUrl: REDIS_URL,
    queuePrefix: q.prefix,
    config: testConfig(),
    roles: ['worker', 'bots'],
    deliveries: [delivery],
    logger: createLogger('debug', sink),
    relayIntervalMs: 300,
    concurrency: 4,
    ...overrides,
  };
  const runtimes: WardRuntime[] = [];
  const runtime = await startWard(base);
  runtimes.push(runtime);
  return {
    runtime,
    delivery,
    logs,
    prefix: q.prefix,
    redis: q.redis,
    databaseUrl: pg?.url,
    dataDir: dir.dir,
    async restart(more = {}) {
      const r = await startWard({ ...base, ...more });
      runtimes.push(r);
      return r;
    },
    async close() {
      for (const r of runtimes) await r.close().catch(() => {});
      await q.cleanup();
      await pg?.drop();
      dir.remove();
    },
  };
}

/** An incoming sandbox message. */
export function incoming(text: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    platform: 'sandbox',
    workspaceId: 'w1',
    channelId: 'peer',
    threadId: null,
    platformMessageId: randomUUID(),
    author: { id: 'u-member', roles: [] },
    text,
    sentAt: new Date(),
    edited: false,
    locale: 'en-GB',
    ...overrides,
  };
}
