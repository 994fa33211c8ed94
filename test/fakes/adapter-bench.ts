import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Logger, pino } from 'pino';
import { OFFERED_PER_S } from '../../bench/offered-rate.ts';
import { deletePrefix, postgresProblem, redisProblem, throwawayDatabase } from '../../bench/services.ts';
import { percentile, roundFigure, sleep, withTimeout } from '../../bench/stats.ts';
import type { BenchContext } from '../../bench/types.ts';
import type { IngestPort } from '../../bots/contract.ts';
import { createDeferredDelivery, type DeferredDelivery } from '../../bots/deferred-delivery.ts';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import type { Platform } from '../../policies/core/types.ts';
import { startWard, type WardRuntime } from '../../worker/runtime.ts';

/** One message in this many of the offered load carries a phone number (it must be removed). */
export const PHONE_EVERY = 20;
/** How long a row waits for one event's ack, removal or ingest before counting it lost. */
export const WAIT_MS = 15_000;

/** A Dutch mobile number that differs per message, so every post is new content. */
export const phoneText = (i: number): string =>
  `Bel me gerust op 06 1${String(i % 10)} ${String(10 + (i % 90))} 34 56, groetjes`;

/** Ordinary peer-support texts of the corpus (the background of the offered load). */
export function backgroundTexts(ctx: BenchContext): string[] {
  return ctx.corpus.filter((m) => !m.crisis && m.space === 'peer_support').map((m) => m.text);
}

/** Why an adapter row cannot run (no Redis, no corpus), or null. */
export async function adapterRowProblem(ctx: BenchContext): Promise<string | null> {
  const problem = await redisProblem(ctx.redisUrl);
  if (problem) return problem;
  return backgroundTexts(ctx).length ? null : 'no ordinary peer-support messages in the corpus';
}

/** A runtime (worker + bots roles, real Redis) for an adapter row, with a delivery the adapter connects later. */
export interface AdapterBench {
  runtime: WardRuntime;
  delivery: DeferredDelivery;
  /** Ingest that notes when each platform message id was accepted (in the queue). */
  ingest: IngestPort;
  accepted: Map<string, number>;
  logger: Logger;
  /** 'PostgreSQL' or 'PGlite', for the row's note. */
  database: string;
  /** Runs `close` functions in reverse order, then removes the runtime's data and queue keys. */
  onClose(close: () => Promise<unknown>): void;
  close(): Promise<void>;
}

/** Starts the runtime on PostgreSQL (a throwaway database) when `postgres` is asked and answers, else PGlite. */
export async function startAdapterBench(
  ctx: BenchContext,
  options: { tag: string; platform: Platform; config: CommunityConfig; postgres: boolean },
): Promise<AdapterBench> {
  const prefix = `ward-bench-${ctx.runTag}-${options.tag}`;
  const dir = mkdtempSync(path.join(tmpdir(), `ward-bench-${options.tag}-`));
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.reverse()) await c().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    await deletePrefix(ctx.redisUrl, prefix).catch(() => {});
  };
  try {
    const usePg = options.postgres && ctx.postgresUrl && !(await postgresProblem(ctx.postgresUrl));
    const pg = usePg ? await throwawayDatabase(ctx.postgresUrl!, `${ctx.runTag}-${options.tag}`) : null;
    if (pg) closers.push(() => pg.drop());
    const logger = pino({ level: 'error' }, pino.destination(2));
    const delivery = createDeferredDelivery(options.platform);
    const runtime = await startWard({
      databaseUrl: pg?.url,
      dataDir: dir,
      dataKey: randomBytes(32),
      redisUrl: ctx.redisUrl,
      queuePrefix: prefix,
      config: options.config,
      roles: ['worker', 'bots'],
      deliveries: [delivery],
      logger,
    });
    closers.push(() => runtime.close());
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
    return {
      runtime,
      delivery,
      ingest,
      accepted,
      logger,
      database: pg ? 'PostgreSQL' : 'PGlite',
      onClose: (c) => closers.push(c),
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** What the offered-load driver sends per event: its key, and a promise of its acknowledgement if measured. */
export interface SentEvent {
  key: string;
  ack?: Promise<unknown>;
}

/** What a steady offered load measured. */
export interface OfferedResult {
  /** Event → acknowledgement, ms (only for events whose ack was measured). */
  acks: number[];
  /** Phone events: key and send time, for exposure. */
  phones: { key: string; at: number }[];
}

/**
 * Offers events at OFFERED_PER_S for `ms` (at least PHONE_EVERY events), every PHONE_EVERY-th a phone number,
 * calling `send(i, isPhone)` at its due time; waits for every measured ack.
 */
export async function offerSteady(
  ms: number,
  send: (i: number, isPhone: boolean) => SentEvent,
): Promise<OfferedResult> {
  const phones: { key: string; at: number }[] = [];
  const acks: Promise<number>[] = [];
  const total = Math.max(PHONE_EVERY, Math.round((ms / 1000) * OFFERED_PER_S));
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / OFFERED_PER_S - performance.now();
    if (wait > 1) await sleep(wait);
    const isPhone = i % PHONE_EVERY === PHONE_EVERY - 1;
    const at = performance.now();
    const sent = send(i, isPhone);
    if (sent.ack) acks.push(withTimeout(sent.ack, WAIT_MS, 'ack').then(() => performance.now() - at));
    if (isPhone) phones.push({ key: sent.key, at });
  }
  return { acks: await Promise.all(acks), phones };
}

/**
 * Event → removal reaching the fake platform API, per phone event; `removedAt(key)` is when it arrived. A removal
 * that does not arrive within WAIT_MS counts at the time it was given up on (as in the pipeline rows), so a lost
 * removal raises the tail instead of disappearing from it.
 */
export async function exposure(
  phones: readonly { key: string; at: number }[],
  removedAt: (key: string) => number | undefined,
): Promise<{ samples: number[]; lost: number }> {
  const deadline = performance.now() + WAIT_MS;
  while (phones.some((p) => removedAt(p.key) === undefined) && performance.now() < deadline) await sleep(10);
  const givenUp = performance.now();
  const samples = phones.map((p) => (removedAt(p.key) ?? givenUp) - p.at);
  const lost = phones.filter((p) => removedAt(p.key) === undefined).length;
  return { samples, lost };
}

/**
 * Sends `n` events as fast as the adapter takes them (at most `window` unacknowledged at once when `send`
 * returns an ack) and returns events per second from the first send to the last acceptance by ingest.
 */
export async function burstRate(
  accepted: ReadonlyMap<string, number>,
  n: number,
  send: (i: number) => SentEvent,
  window = Number.POSITIVE_INFINITY,
): Promise<number> {
  const t0 = performance.now();
  const keys: string[] = [];
  const inFlight = new Set<Promise<unknown>>();
  for (let i = 0; i < n; i++) {
    const sent = send(i);
    keys.push(sent.key);
    if (!sent.ack) continue;
    // A failed send shows up as a key ingest never accepts (the wait below times out), not as a rejection here.
    const ack: Promise<unknown> = sent.ack.catch(() => undefined).finally(() => inFlight.delete(ack));
    inFlight.add(ack);
    if (inFlight.size >= window) await Promise.race(inFlight);
  }
  await withTimeout(
    (async () => {
      while (!keys.every((k) => accepted.has(k))) await sleep(5);
    })(),
    WAIT_MS * 2,
    'burst ingest',
  );
  const last = Math.max(...keys.map((k) => accepted.get(k)!));
  return (n / (last - t0)) * 1000;
}

/**
 * The fields every adapter row reports (EVAL.md): throughput, ack and exposure percentiles, offered rate. A figure
 * without samples is left out, never reported as 0.
 */
export function adapterFigures(rate: number, acks: number[], exposureMs: number[]): Record<string, number> {
  const p = (values: number[], q: number) => roundFigure(percentile(values, q));
  return {
    msgs_per_s: roundFigure(rate),
    ...(acks.length ? { ack_p50_ms: p(acks, 50), ack_p99_ms: p(acks, 99) } : {}),
    ...(exposureMs.length ? { exposure_p50_ms: p(exposureMs, 50), exposure_p99_ms: p(exposureMs, 99) } : {}),
    offered_per_s: OFFERED_PER_S,
  };
}
