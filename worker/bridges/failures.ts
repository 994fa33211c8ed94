import { type BridgeSubscriptionRow, updateSubscription } from '../../db/repositories/bridges.ts';
import { insertEffects } from '../../db/repositories/effects.ts';
import type { Platform } from '../../policies/core/types.ts';
import { PRIORITY } from '../queues.ts';
import type { BridgeDeps } from './deps.ts';
import type { BridgeSettings } from './settings.ts';

const MAX_BACKOFF_MS = 6 * 3_600_000;

/** The wait after `failures` failures in a row: the interval doubled per failure, at most six hours. */
export function backoffMs(settings: BridgeSettings, failures: number): number {
  return Math.min(settings.interval_minutes * 60_000 * 2 ** failures, MAX_BACKOFF_MS);
}

/**
 * Records a failed poll: backs off, and after `max_failures` in a row pauses the subscription and alerts the
 * moderators (once). Returns whether it paused.
 */
export async function recordFailure(
  deps: BridgeDeps,
  sub: BridgeSubscriptionRow,
  settings: BridgeSettings,
  code: string,
): Promise<boolean> {
  const now = deps.now();
  const failures = sub.consecutiveFailures + 1;
  const pause = failures >= settings.max_failures;
  await updateSubscription(deps.db, sub.id, {
    consecutiveFailures: failures,
    lastErrorCode: code,
    lastPolledAt: now,
    nextPollAfter: new Date(now.getTime() + backoffMs(settings, failures)),
    ...(pause ? { state: 'paused', pausedReason: 'failures' } : {}),
  });
  deps.log.warn({ subscriptionId: sub.id, code, failures, paused: pause }, 'bridge poll failed');
  if (pause) {
    const admin = deps.community.current.community.admin_channel;
    const [row] = await insertEffects(deps.db, [
      {
        communityId: sub.communityId,
        platform: admin.platform,
        kind: 'alert_moderators',
        payload: { code: 'bridge_paused', subscriptionId: sub.id, failures, errorCode: code },
        priority: PRIORITY.urgent,
      },
    ]);
    if (row)
      await deps.queues.enqueueDeliver([
        { id: row.id, platform: admin.platform as Platform, priority: row.priority },
      ]);
  }
  return pause;
}
