import { createHash } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { listSubscriptions } from '../../db/repositories/bridges.ts';
import { errorCodeOf } from '../errors.ts';
import { syncConfigBridges } from './config-sync.ts';
import type { BridgeDeps } from './deps.ts';
import { type PollResult, pollSubscription } from './poll.ts';
import { bridgeSettings } from './settings.ts';

/** The bridges queue (kebab-case); its jobs carry a subscription id only. */
export const BRIDGE_QUEUE = 'bridges';

/** Job data of the bridges queue. */
export interface BridgeJob {
  subscriptionId: string;
}

/** Options of the scheduler. */
export interface BridgeSchedulerOptions {
  connection: () => Redis;
  prefix: string;
  /** How often config and database changes are picked up (default 30 s). */
  syncIntervalMs?: number;
  concurrency?: number;
  onPolled?: (subscriptionId: string, result: PollResult) => void;
}

/** A stable offset inside the interval, so many bridges do not all poll at the same second. */
export function jitterMs(subscriptionId: string, everyMs: number): number {
  const n = createHash('sha256').update(subscriptionId).digest().readUInt32BE(0);
  return n % Math.max(1, Math.floor(everyMs / 4));
}

/** Schedules one BullMQ job scheduler per live bridge and runs the polls (worker role). */
export class BridgeScheduler {
  readonly queue: Queue<BridgeJob>;
  private readonly worker: Worker<BridgeJob>;
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: BridgeDeps,
    private readonly options: BridgeSchedulerOptions,
  ) {
    const onError = (err: Error) => deps.log.warn({ code: errorCodeOf(err) }, 'bridges queue problem');
    this.queue = new Queue<BridgeJob>(BRIDGE_QUEUE, {
      connection: options.connection(),
      prefix: options.prefix,
      defaultJobOptions: { attempts: 1, removeOnComplete: { count: 1000 }, removeOnFail: { age: 86_400 } },
    });
    this.queue.on('error', onError);
    this.worker = new Worker<BridgeJob>(
      BRIDGE_QUEUE,
      async (job) => {
        const result = await pollSubscription(deps, job.data.subscriptionId);
        options.onPolled?.(job.data.subscriptionId, result);
        // A poll that paused its bridge stops its schedule now rather than at the next sync.
        if (result.outcome === 'paused') await this.sync();
      },
      { connection: options.connection(), prefix: options.prefix, concurrency: options.concurrency ?? 2 },
    );
    this.worker.on('error', onError);
  }

  /** Syncs config bridges and schedules, then keeps them in step. */
  async start(): Promise<void> {
    await this.sync();
    this.timer = setInterval(() => void this.sync().catch(() => {}), this.options.syncIntervalMs ?? 30_000);
    this.timer.unref();
  }

  /** Upserts a job scheduler for each learning or active bridge and removes the rest. Serialised. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(
      () => this.syncOnce(),
      () => this.syncOnce(),
    );
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    await syncConfigBridges(this.deps);
    const live = new Set<string>();
    for (const sub of await listSubscriptions(this.deps.db, this.deps.community.id)) {
      if (sub.state !== 'active' && sub.state !== 'learning') continue;
      const every = Math.max(1000, Math.round(bridgeSettings(sub.settings).interval_minutes * 60_000));
      const id = `bridge-${sub.id}`;
      live.add(id);
      await this.queue.upsertJobScheduler(
        id,
        { every, offset: jitterMs(sub.id, every) },
        { name: 'poll', data: { subscriptionId: sub.id } },
      );
    }
    for (const s of await this.queue.getJobSchedulers()) {
      if (s.key && !live.has(s.key)) await this.queue.removeJobScheduler(s.key);
    }
  }

  /** Polls one bridge in this process and returns what it did (tests, `npm run bridge -- poll`). */
  poll(subscriptionId: string): Promise<PollResult> {
    return pollSubscription(this.deps, subscriptionId);
  }

  /** Polls one bridge now (a command, a test); the job id keeps concurrent requests to one poll. */
  async pollNow(subscriptionId: string): Promise<void> {
    await this.queue.add('poll', { subscriptionId }, { jobId: `bridge-now-${subscriptionId}-${Date.now()}` });
  }

  /** Stops syncing and polling; a running poll finishes. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.syncing.catch(() => {});
    await this.worker.close();
    await this.queue.close();
    for (const c of [this.worker.opts.connection, this.queue.opts.connection] as Redis[]) c.disconnect();
  }
}
