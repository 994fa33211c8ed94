import { DelayedError, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { PlatformDelivery } from '../../bots/contract.ts';
import {
  getEffect,
  insertEffects,
  markEffectAttemptFailed,
  markEffectDelivered,
} from '../../db/repositories/effects.ts';
import { getEscalation, setEscalationCard } from '../../db/repositories/escalations.ts';
import type { Platform } from '../../policies/core/types.ts';
import {
  ErrorCode,
  PlatformPermissionError,
  PlatformRateLimitedError,
  UnrecoverableWardError,
  errorCodeOf,
} from '../errors.ts';
import { cardUpdateEffect } from '../moderation/card-update.ts';
import { PRIORITY, type DeliverJob, type WardQueues } from '../queues.ts';
import { type RenderDeps, renderEffect } from './render-effect.ts';

/** What delivery needs. */
export interface DeliverDeps extends RenderDeps {
  queues: WardQueues;
  deliveries: ReadonlyMap<Platform, PlatformDelivery>;
  log: Logger;
  /** Called after each delivered effect (tests and bench observe delivery this way). */
  onDelivered?: (effectId: string, kind: string) => void;
}

/** Delivers one outbox effect through its platform; idempotent, rate limits delay rather than fail. */
export async function deliverEffect(
  deps: DeliverDeps,
  job: Job<DeliverJob>,
  token: string | undefined,
): Promise<void> {
  const effect = await getEffect(deps.db, job.data.effectId);
  if (!effect)
    throw new UnrecoverableWardError(ErrorCode.EffectNotFound, `effect ${job.data.effectId} not found`);
  if (effect.state === 'delivered' || effect.state === 'cancelled' || effect.state === 'failed') return;
  const delivery = deps.deliveries.get(effect.platform as Platform);
  if (!delivery)
    throw new UnrecoverableWardError(ErrorCode.NoDelivery, `no delivery for platform ${effect.platform}`);
  try {
    const outbound = await renderEffect(deps, effect);
    const receipt = await delivery.deliver(outbound);
    if (await markEffectDelivered(deps.db, effect.id, receipt.platformMessageId ?? null)) {
      if (outbound.kind === 'post_card' && effect.escalationId && receipt.platformMessageId) {
        await setEscalationCard(deps.db, effect.escalationId, {
          platform: effect.platform,
          channelId: outbound.channelId,
          messageId: receipt.platformMessageId,
        });
      }
      deps.log.debug(
        { effectId: effect.id, kind: effect.kind, platform: effect.platform },
        'effect delivered',
      );
      if (outbound.kind === 'timeout_member' && effect.escalationId)
        await refreshCard(deps, effect.escalationId);
      deps.onDelivered?.(effect.id, effect.kind);
    }
  } catch (err) {
    const code = errorCodeOf(err);
    deps.log.warn({ effectId: effect.id, kind: effect.kind, code }, 'delivery attempt failed');
    if (err instanceof PlatformRateLimitedError && token) {
      // The platform asked us to wait: park the job without spending an attempt, so bursts delay but never drop.
      await markEffectAttemptFailed(deps.db, effect.id, code, false);
      await job.moveToDelayed(Date.now() + Math.max(err.retryAfterMs, 50), token);
      throw new DelayedError();
    }
    const final =
      err instanceof UnrecoverableWardError ||
      err instanceof PlatformPermissionError ||
      job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await markEffectAttemptFailed(deps.db, effect.id, code, final);
    if (err instanceof PlatformPermissionError && effect.kind !== 'alert_moderators') {
      // A refused timeout needs its own explanation (Moderate Members, role order), not the generic one.
      const alert = effect.kind === 'timeout_member' && err.status === 403 ? 'timeout_permission' : code;
      await alertModerators(deps, effect.communityId, effect.messageId, alert);
    }
    throw err;
  }
}

// The card says the timeout was applied (render-effect reads the delivered effect).
async function refreshCard(deps: DeliverDeps, escalationId: string): Promise<void> {
  const escalation = await getEscalation(deps.db, escalationId);
  if (!escalation) return;
  const admin = deps.community.current.community.admin_channel.platform;
  const [row] = await insertEffects(deps.db, [cardUpdateEffect(escalation, admin)]);
  if (row)
    await deps.queues.enqueueDeliver([
      { id: row.id, platform: row.platform as Platform, priority: row.priority },
    ]);
}

async function alertModerators(
  deps: DeliverDeps,
  communityId: string,
  messageId: string | null,
  code: string,
): Promise<void> {
  const admin = deps.community.current.community.admin_channel;
  const [row] = await insertEffects(deps.db, [
    {
      communityId,
      messageId,
      platform: admin.platform,
      kind: 'alert_moderators',
      payload: { code },
      priority: PRIORITY.urgent,
    },
  ]);
  if (row)
    await deps.queues.enqueueDeliver([{ id: row.id, platform: admin.platform, priority: row.priority }]);
}
