import type { Logger } from 'pino';
import type { PolicyContext } from '../../policies/core/define-policy.ts';
import type { RunResult } from '../../policies/core/run-policies.ts';
import { conceptsFor } from '../../policies/detect/clinical/index.ts';
import { detectCrisis } from '../../policies/safety/crisis-detect.ts';
import type { CommunityState } from '../community.ts';
import { errorCodeOf } from '../errors.ts';
import type { WardQueues } from '../queues.ts';
import { softSignals } from './soft-signals.ts';
import { type ReviewTrigger, reviewTriggers } from './uncertainty.ts';

/** What the evaluate hook needs. */
export interface ReviewHookDeps {
  queues: WardQueues;
  community: CommunityState;
  log: Logger;
  /** True when this deployment has a review worker (a model is configured). */
  reviewEnabled?: boolean | undefined;
}

/**
 * Called once the standard tier is persisted (its effects already enqueued): if the community opted in and the rules
 * were uncertain, enqueues a review job with the message id only. Never throws, so it cannot fail an evaluation.
 */
export async function enqueueReviewIfUncertain(
  deps: ReviewHookDeps,
  messageId: string,
  ctx: PolicyContext,
  result: RunResult,
): Promise<ReviewTrigger[]> {
  const settings = deps.community.current.review;
  if (!deps.reviewEnabled || !settings.enabled) return [];
  try {
    // Same memo key as the crisis policy, so the detector normally does not run twice.
    const crisis = ctx.memo('safety.crisis', () => detectCrisis(ctx.text));
    const soft = settings.soft_signals ? softSignals(ctx.text, conceptsFor(ctx)) : [];
    const triggers = reviewTriggers(
      { findings: result.decision.findings, crisisFound: crisis.length > 0, softSignals: soft },
      settings,
    );
    if (triggers.length) {
      await deps.queues.enqueueReview(messageId, 'uncertain');
      deps.log.debug({ messageId, triggers: triggers.map((t) => t.code) }, 'review enqueued');
    }
    return triggers;
  } catch (err) {
    deps.log.warn({ messageId, code: errorCodeOf(err) }, 'review not enqueued');
    return [];
  }
}

/** A moderator asks for a second opinion on a message (sent whatever the rules concluded, if the community opted in). */
export async function requestReview(
  deps: ReviewHookDeps,
  messageId: string,
): Promise<'queued' | 'not_enabled'> {
  if (!deps.reviewEnabled || !deps.community.current.review.enabled) return 'not_enabled';
  await deps.queues.enqueueReview(messageId, 'moderator');
  return 'queued';
}
