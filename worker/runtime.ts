import { EventEmitter } from 'node:events';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PlatformDelivery } from '../bots/contract.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { createDataCipher, type DataCipher, loadOrCreateKeyFile } from '../db/crypto.ts';
import { upsertCommunity } from '../db/repositories/communities.ts';
import { statusOf } from '../db/repositories/messages.ts';
import type { CommunityConfig } from '../policies/core/community-config.ts';
import type { Platform } from '../policies/core/types.ts';
import { CommunityState } from './community.ts';
import { deliverEffect } from './deliver/deliver-effect.ts';
import { errorCodeOf } from './errors.ts';
import { evaluateMessage } from './evaluate/evaluate-message.ts';
import { StandardIngest } from './ingest.ts';
import { createLogger } from './logger.ts';
import { handleAction } from './moderation/handle-action.ts';
import { type DeliverJob, type EvaluateJob, QUEUE, type SlaJob, WardQueues } from './queues.ts';
import { handleSla } from './moderation/sla.ts';
import { startRelay } from './relay.ts';
import { communityRecord, watchConfig } from './config-watch.ts';
import { createMetrics, serveMetrics } from './metrics.ts';
import type { Server } from 'node:http';
import { startRetention } from './accountability/retention.ts';
import { startAuditChainer } from './accountability/audit-chainer.ts';
import type { ReviewerOptions } from './review/reviewer-options.ts';
import { startReviewWorker } from './review/start-review-worker.ts';
import { type BridgeCommandDeps, probeOptionsFor } from './bridges/commands.ts';
import { createBridgeRelay } from './bridges/relay-delivery.ts';
import { type BridgeRuntimeOptions, startBridges } from './bridges/start-bridges.ts';
import type { BridgeScheduler } from './bridges/scheduler.ts';

/** Options for starting Ward in this process. */
export interface StartOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** 32-byte data key; when absent, a 0600 key file in `dataDir` is used (created on first run). */
  dataKey?: Buffer;
  redisUrl: string;
  queuePrefix: string;
  config: CommunityConfig;
  /** A YAML file to watch: valid changes apply at once, invalid ones keep the last valid config and alert. */
  configFile?: string;
  roles: ('worker' | 'bots')[];
  deliveries?: PlatformDelivery[];
  concurrency?: number;
  logger?: Logger;
  relayIntervalMs?: number;
  /** Serve Prometheus metrics on this loopback port in the worker role (0 or unset: off). */
  metricsPort?: number;
  /** How long a job may run before another worker takes it over after a crash (BullMQ lock). */
  lockDurationMs?: number;
  /** Language-model review endpoint (worker/review); unset: no review worker, nothing is ever sent. */
  review?: ReviewerOptions | undefined;
  /** Feed and hashtag bridges (worker/bridges): polled in the worker role unless `enabled: false`. */
  bridges?: BridgeRuntimeOptions;
}

/** A running Ward. */
export interface WardRuntime {
  ingest: StandardIngest;
  database: Database;
  cipher: DataCipher;
  queues: WardQueues;
  community: CommunityState;
  /**
   * Emits `decided` (messageId), `effects` (messageId, tier, count), `delivered` (effectId, kind),
   * `sla` (escalationId, outcome), `reviewed` (messageId, summary).
   */
  events: EventEmitter;
  /** The bridge scheduler in the worker role (null in a bots-only process or when bridges are off). */
  bridges: BridgeScheduler | null;
  /** Bridge commands (`/ward bridge …`); usable in any role, schedules follow within the sync interval. */
  bridgeCommands: BridgeCommandDeps;
  waitForDecision(messageId: string, timeoutMs: number): Promise<void>;
  waitForEffects(messageId: string, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the roles asked for: `worker` evaluates, `bots` delivers effects through the given platform deliveries. */
export async function startWard(options: StartOptions): Promise<WardRuntime> {
  const log = options.logger ?? createLogger('info');
  const dataDir = options.dataDir ?? './data';
  const database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir });
  const cipher = createDataCipher(options.dataKey ?? loadOrCreateKeyFile(dataDir));
  const community = new CommunityState(options.config);
  await upsertCommunity(database.db, communityRecord(options.config));

  const producer = new Redis(options.redisUrl, { maxRetriesPerRequest: 3, lazyConnect: true });
  const redisError = (err: Error) => log.warn({ code: errorCodeOf(err) }, 'redis connection problem');
  producer.on('error', redisError);
  await producer.connect();
  const queues = new WardQueues(producer, options.queuePrefix, redisError);
  const ingest = new StandardIngest(database.db, cipher, queues, community, log);
  const events = new EventEmitter();
  events.setMaxListeners(0);
  ingest.onAction = (action) =>
    handleAction({ db: database.db, queues, community, log, reviewEnabled: Boolean(options.review) }, action);

  const workers: Worker[] = [];
  const workerConnection = () => {
    const c = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    c.on('error', redisError);
    return c;
  };
  const workerOpts = () => ({
    connection: workerConnection(),
    prefix: options.queuePrefix,
    concurrency: options.concurrency ?? 16,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: Math.min(options.lockDurationMs ?? 30_000, 30_000),
  });
  let stopRelay = () => {};
  let stopRetention = async () => {};
  let stopAuditChainer = async () => {};
  let bridges: BridgeScheduler | null = null;
  if (options.roles.includes('worker')) {
    const deps = { db: database.db, cipher, queues, community, log, reviewEnabled: Boolean(options.review) };
    const evaluate = new Worker<EvaluateJob>(
      QUEUE.evaluate,
      async (job) => {
        const started = performance.now();
        const outcome = await evaluateMessage(
          { ...deps, onEffects: (id, tier, n) => events.emit('effects', id, tier, n) },
          job.data.messageId,
        );
        log.debug(
          { messageId: job.data.messageId, outcome, ms: Math.round(performance.now() - started) },
          'message evaluated',
        );
        events.emit('decided', job.data.messageId, outcome);
      },
      workerOpts(),
    );
    evaluate.on('failed', (job, err) =>
      log.warn(
        { jobId: job?.id, code: errorCodeOf(err), attempts: job?.attemptsMade },
        'evaluate job failed',
      ),
    );
    evaluate.on('error', (err) => log.error({ code: errorCodeOf(err) }, 'evaluate worker error'));
    workers.push(evaluate);
    const sla = new Worker<SlaJob>(
      QUEUE.sla,
      async (job) => {
        const outcome = await handleSla(deps, job.data.escalationId);
        events.emit('sla', job.data.escalationId, outcome);
      },
      workerOpts(),
    );
    sla.on('error', redisError);
    workers.push(sla);
    if (options.review) {
      const onReviewed = (id: string, summary: unknown) => events.emit('reviewed', id, summary);
      const connection = workerConnection();
      const args = { redis: producer, reviewer: options.review, connection, prefix: options.queuePrefix };
      workers.push(startReviewWorker({ ...deps, ...args, onReviewed }));
    }
    stopRelay = startRelay(database.db, queues, log, options.relayIntervalMs);
    stopAuditChainer = startAuditChainer(database.db, events, log);
    stopRetention = await startRetention(database.db, community, workerConnection, options.queuePrefix, log);
    if (options.bridges?.enabled !== false) {
      bridges = startBridges(
        { db: database.db, cipher, ingest, queues, community, log },
        options,
        workerConnection,
        events,
      );
      await bridges.start();
    }
  }
  if (options.roles.includes('bots')) {
    const deliveries = new Map<Platform, PlatformDelivery>(
      (options.deliveries ?? []).map((d) => [d.platform, d]),
    );
    const deps = {
      db: database.db,
      cipher,
      community,
      queues,
      deliveries,
      log,
      onDelivered: (id: string, kind: string) => events.emit('delivered', id, kind),
    };
    // Bridge items live in Slack, Discord or sandbox channels: their effects are relayed to those deliveries.
    if (deliveries.size > 0) deliveries.set('bridge', createBridgeRelay(new Map(deliveries)));
    for (const platform of deliveries.keys()) {
      const w = new Worker<DeliverJob>(
        QUEUE.deliver(platform),
        (job, token) => deliverEffect(deps, job, token),
        workerOpts(),
      );
      w.on('error', (err) => log.error({ code: errorCodeOf(err), platform }, 'deliver worker error'));
      workers.push(w);
    }
  }

  let metricsServer: Server | null = null;
  if (options.roles.includes('worker') && options.metricsPort) {
    const platforms = [
      ...new Set([
        ...(options.deliveries ?? []).map((d) => d.platform),
        options.config.community.admin_channel.platform,
      ]),
    ];
    metricsServer = await serveMetrics(
      createMetrics({ database, queues, community }, platforms),
      options.metricsPort,
    ).catch((err: Error) => {
      log.warn({ code: errorCodeOf(err), port: options.metricsPort }, 'metrics endpoint not started');
      return null;
    });
  }
  const stopWatch = options.configFile
    ? watchConfig(options.configFile, community, database, queues, log)
    : () => {};

  return {
    ingest,
    database,
    cipher,
    queues,
    community,
    events,
    bridges,
    bridgeCommands: {
      db: database.db,
      community,
      onChange: async () => bridges?.sync(),
      probe: probeOptionsFor(options.bridges),
    },
    waitForDecision: (id, ms) =>
      waitFor(
        events,
        'decided',
        id,
        ms,
        async () => (await statusOf(database.db, [id])).get(id) !== 'received',
      ),
    waitForEffects: (id, ms) => waitFor(events, 'effects', id, ms, async () => false),
    async close() {
      stopWatch();
      stopRelay();
      metricsServer?.close();
      // In-flight jobs get up to 20 s to finish; anything unfinished stays in Redis and runs after a restart.
      const graceful = (async () => {
        await bridges?.close();
        await stopRetention();
        await Promise.all(workers.map((w) => w.close()));
        await Promise.all(workers.map((w) => (w.opts.connection as Redis).quit().catch(() => {})));
        await queues.close();
        await producer.quit().catch(() => {});
      })();
      const timedOut = await Promise.race([graceful.then(() => false), sleep(20_000).then(() => true)]);
      if (timedOut) {
        log.warn('queues did not close in time (is Redis down?); closing connections');
        for (const w of workers) (w.opts.connection as Redis).disconnect();
        producer.disconnect();
      }
      await stopAuditChainer();
      await database.close();
    },
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function waitFor(
  events: EventEmitter,
  name: string,
  id: string,
  ms: number,
  already: () => Promise<boolean>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      events.off(name, listener);
      err ? reject(err) : resolve();
    };
    const listener = (messageId: string) => messageId === id && done();
    const timer = setTimeout(() => done(new Error(`no ${name} event for message ${id} within ${ms} ms`)), ms);
    events.on(name, listener);
    already().then(
      (yes) => yes && done(),
      () => {},
    );
  });
}
