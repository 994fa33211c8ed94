import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { errorCodeOf } from '../errors.ts';
import { QUEUE, type ReviewJob } from '../queues.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import { OpinionCache } from './opinion-cache.ts';
import { type ReviewClient, StandardReviewClient } from './review-client.ts';
import { type ReviewDeps, type ReviewSummary, reviewMessage } from './review-message.ts';
import type { ReviewerOptions } from './reviewer-options.ts';

/** What the review worker needs besides the reviewer options. */
export interface ReviewWorkerArgs extends Omit<ReviewDeps, 'client' | 'breaker' | 'cache'> {
  reviewer: ReviewerOptions;
  /** A dedicated BullMQ worker connection (maxRetriesPerRequest: null). */
  connection: Redis;
  prefix: string;
  /** Replaces the SDK client (tests of controls); the default talks to `reviewer.baseURL`. */
  client?: ReviewClient;
  onReviewed?: (messageId: string, summary: ReviewSummary) => void;
}

/** Starts the `review` queue processor with its concurrency limit, circuit breaker and opinion cache. */
export function startReviewWorker(args: ReviewWorkerArgs): Worker<ReviewJob> {
  const { reviewer, connection, prefix, onReviewed, ...rest } = args;
  const deps: ReviewDeps = {
    ...rest,
    client: args.client ?? new StandardReviewClient(reviewer),
    breaker: new CircuitBreaker(reviewer.breakerThreshold, reviewer.breakerCooldownMs),
    cache: new OpinionCache(args.redis, prefix, args.cipher, reviewer.cacheTtlSeconds),
  };
  const worker = new Worker<ReviewJob>(
    QUEUE.review,
    async (job) => {
      const trigger = job.name === 'moderator' ? 'moderator' : 'uncertain';
      const summary = await reviewMessage(deps, job.data.messageId, trigger);
      deps.log.debug(
        { messageId: job.data.messageId, outcome: summary.outcome, applied: summary.applied },
        'message reviewed',
      );
      onReviewed?.(job.data.messageId, summary);
    },
    // A late opinion is still useful, but a review never holds a lock long enough to be taken over mid-call.
    {
      connection,
      prefix,
      concurrency: reviewer.concurrency,
      lockDuration: Math.max(30_000, reviewer.timeoutMs * 3),
    },
  );
  worker.on('failed', (job, err) =>
    deps.log.warn({ jobId: job?.id, code: errorCodeOf(err) }, 'review job failed'),
  );
  worker.on('error', (err) => deps.log.error({ code: errorCodeOf(err) }, 'review worker error'));
  return worker;
}
