import { and, eq, gte, isNotNull, sql } from 'drizzle-orm';
import { escalations, findings } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** Open escalations by priority with the age of the oldest, in seconds. */
export async function openEscalationAges(db: Executor, communityId: string) {
  return db
    .select({
      priority: escalations.priority,
      status: escalations.status,
      n: sql<number>`count(*)::int`,
      oldestSeconds: sql<number>`coalesce(extract(epoch from now() - min(${escalations.createdAt})), 0)::float8`,
    })
    .from(escalations)
    .where(and(eq(escalations.communityId, communityId), sql`${escalations.status} in ('open', 'claimed')`))
    .groupBy(escalations.priority, escalations.status);
}

/** Seconds from opening to claim and to close, per escalation, since `since` (for percentiles). */
export async function escalationDurations(db: Executor, communityId: string, since: Date) {
  return db
    .select({
      priority: escalations.priority,
      toClaim: sql<
        number | null
      >`extract(epoch from ${escalations.claimedAt} - ${escalations.createdAt})::float8`,
      toClose: sql<
        number | null
      >`case when ${escalations.status} in ('resolved','dismissed') then extract(epoch from ${escalations.updatedAt} - ${escalations.createdAt})::float8 end`,
    })
    .from(escalations)
    .where(and(eq(escalations.communityId, communityId), gte(escalations.createdAt, since)));
}

/** Shadow findings per policy with the moderators' resolution of the same message, if any. */
export async function shadowOutcomes(db: Executor, since: Date) {
  return db
    .select({
      policy: findings.policy,
      messageId: findings.messageId,
      resolution: sql<
        string | null
      >`(select e.resolution from escalations e where e.message_id = ${findings.messageId} and e.resolution is not null order by e.updated_at desc limit 1)`,
    })
    .from(findings)
    .where(
      and(
        eq(findings.shadow, true),
        isNotNull(findings.messageId),
        sql`${findings.decisionId} in (select id from decisions where created_at >= ${since.toISOString()}::timestamptz)`,
      ),
    )
    .groupBy(findings.policy, findings.messageId);
}
