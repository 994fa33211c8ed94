import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Platform } from '../policies/core/types.ts';

/** Queue names (kebab-case). Jobs carry ids only. */
export const QUEUE = {
  evaluate: 'evaluate',
  deliver: (platform: Platform) => `deliver-${platform}`,
  sla: 'sla',
  review: 'review',
} as const;

/** Job data of the review queue (language-model second opinion); the job name says why: `uncertain` or `moderator`. */
export interface ReviewJob {
  messageId: string;
}

/** Job data of the sla queue: re-page an escalation if it is still unclaimed. */
export interface SlaJob {
  escalationId: string;
}

/** Job data of the evaluate queue. */
export interface EvaluateJob {
  messageId: string;
}
/** Job data of the deliver queues. */
export interface DeliverJob {
  effectId: string;
}

/** BullMQ priorities: lower runs first; crisis effects jump every queue. */
export const PRIORITY = { crisis: 1, urgent: 2, normal: 5 } as const;

const RETRY = { attempts: 8, backoff: { type: 'exponential', delay: 500 } } as const;
const KEEP = {
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/** The producer side of Ward's queues. */
export class WardQueues {
  readonly evaluate: Queue<EvaluateJob>;
  readonly sla: Queue<SlaJob>;
  readonly review: Queue<ReviewJob>;
  private readonly deliverQueues = new Map<Platform, Queue<DeliverJob>>();

  constructor(
    private readonly connection: Redis,
    readonly prefix: string,
    private readonly onError: (err: Error) => void = () => {},
  ) {
    this.evaluate = new Queue<EvaluateJob>(QUEUE.evaluate, {
      connection,
      prefix,
      defaultJobOptions: { ...RETRY, ...KEEP },
    });
    this.sla = new Queue<SlaJob>(QUEUE.sla, { connection, prefix, defaultJobOptions: { ...RETRY, ...KEEP } });
    this.evaluate.on('error', onError);
    this.sla.on('error', onError);
    // A review is optional: one attempt, never retried into a spend or a late opinion.
    this.review = new Queue<ReviewJob>(QUEUE.review, {
      connection,
      prefix,
      defaultJobOptions: { attempts: 1, ...KEEP },
    });
    this.review.on('error', onError);
  }

  /** The deliver queue of a platform. */
  deliver(platform: Platform): Queue<DeliverJob> {
    let q = this.deliverQueues.get(platform);
    if (!q) {
      q = new Queue<DeliverJob>(QUEUE.deliver(platform), {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: { ...RETRY, attempts: 12, ...KEEP },
      });
      q.on('error', this.onError);
      this.deliverQueues.set(platform, q);
    }
    return q;
  }

  /** Enqueues evaluation; the job id makes a redelivered event a no-op. Crisis suspects jump the queue. */
  async enqueueEvaluate(messageId: string, urgent = false): Promise<void> {
    await this.evaluate.add(
      'evaluate',
      { messageId },
      { jobId: `evaluate-${messageId}`, priority: urgent ? PRIORITY.crisis : PRIORITY.normal },
    );
  }

  /** Enqueues a second-opinion review; the job id makes an automatic request once per message. */
  async enqueueReview(messageId: string, reason: 'uncertain' | 'moderator'): Promise<void> {
    const jobId = reason === 'uncertain' ? `review-${messageId}` : `review-${messageId}-ask-${Date.now()}`;
    await this.review.add(reason, { messageId }, { jobId });
  }

  /** Enqueues delivery of outbox rows. */
  async enqueueDeliver(effects: { id: string; platform: Platform; priority: number }[]): Promise<void> {
    await Promise.all(
      effects.map((e) =>
        this.deliver(e.platform).add(
          'deliver',
          { effectId: e.id },
          { jobId: `deliver-${e.id}`, priority: e.priority },
        ),
      ),
    );
  }

  /** Schedules the unclaimed-escalation re-page after `delayMs` (one per priority, since a merge can raise it). */
  async scheduleSla(escalationId: string, priority: 'routine' | 'urgent', delayMs: number): Promise<void> {
    await this.sla.add('sla', { escalationId }, { jobId: `sla-${escalationId}-${priority}`, delay: delayMs });
  }

  /** Cancels pending re-pages (the escalation was claimed or closed). */
  async cancelSla(escalationId: string): Promise<void> {
    // A job that is already running cannot be removed; it finds the escalation claimed and does nothing.
    for (const p of ['routine', 'urgent']) await this.sla.remove(`sla-${escalationId}-${p}`).catch(() => 0);
  }

  /** Closes every producer. */
  async close(): Promise<void> {
    await Promise.all([
      this.evaluate.close(),
      this.sla.close(),
      this.review.close(),
      ...[...this.deliverQueues.values()].map((q) => q.close()),
    ]);
  }
}
