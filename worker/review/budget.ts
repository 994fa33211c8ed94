import type { Redis } from 'ioredis';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertEffects } from '../../db/repositories/effects.ts';
import { tokensSpentSince } from '../../db/repositories/review-calls.ts';
import type { Platform } from '../../policies/core/types.ts';
import type { CommunityState } from '../community.ts';
import { PRIORITY, type WardQueues } from '../queues.ts';

/** Alert code moderators get when a community's daily review budget is used up (once per community and UTC day). */
export const BUDGET_ALERT_CODE = 'review_budget_exhausted';

/** Midnight UTC of `now`'s day: budgets are per UTC day. */
export function utcDayStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Tokens left today for a community (may be negative: calls in flight can overshoot by at most their own size). */
export async function tokensLeftToday(
  db: Db,
  communityId: string,
  dailyBudget: number,
  now: Date,
): Promise<number> {
  return dailyBudget - (await tokensSpentSince(db, communityId, utcDayStart(now)));
}

/** What the alert needs. */
export interface BudgetAlertDeps {
  db: Db;
  redis: Redis;
  queues: WardQueues;
  community: CommunityState;
}

/** Alerts moderators that the budget is used up, once per community and day across every worker; true if it alerted. */
export async function alertBudgetExhaustedOnce(deps: BudgetAlertDeps, now: Date): Promise<boolean> {
  const communityId = deps.community.id;
  const day = utcDayStart(now).toISOString().slice(0, 10);
  const first = await deps.redis.set(
    `${deps.queues.prefix}:review-budget-alerted:${communityId}:${day}`,
    '1',
    'EX',
    2 * 86_400,
    'NX',
  );
  if (first !== 'OK') return false;
  const admin = deps.community.current.community.admin_channel;
  const rows = await deps.db.transaction(async (tx) => {
    await appendAudit(tx, [
      {
        communityId,
        actor: 'ward',
        action: BUDGET_ALERT_CODE,
        subjectType: 'community',
        subjectId: communityId,
        detail: { day },
      },
    ]);
    return insertEffects(tx, [
      {
        communityId,
        platform: admin.platform,
        kind: 'alert_moderators',
        payload: { code: BUDGET_ALERT_CODE },
        priority: PRIORITY.normal,
      },
    ]);
  });
  await deps.queues.enqueueDeliver(
    rows.map((r) => ({ id: r.id, platform: r.platform as Platform, priority: r.priority })),
  );
  return true;
}
