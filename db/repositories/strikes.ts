import { and, eq, gt, like, lt, ne, notExists, or, sql } from 'drizzle-orm';
import { decisions, escalations, findings, messages } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** One member on one platform, as strike history is kept. */
export interface StrikeAuthor {
  communityId: string;
  platform: string;
  workspaceId: string;
  authorId: string;
}

/** A stored boundary strike: the first version of a platform message (edits share it) and when it was sent. */
export interface StoredStrike {
  root: string;
  at: Date;
}

/** Serialises strike decisions of one member until the transaction ends, so concurrent strikes see each other. */
export async function lockStrikesOf(tx: Executor, a: StrikeAuthor): Promise<void> {
  const key = ['strikes', a.communityId, a.platform, a.workspaceId, a.authorId].join('/');
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * The member's boundary strikes sent strictly between `from` and `to`, one per platform message (edits and
 * redeliveries collapse onto their first version), leaving out `exceptRoot`, shadow findings and messages a
 * moderator cleared (their escalation dismissed, or resolved by approving the message).
 */
export async function boundaryStrikesOf(
  db: Executor,
  a: StrikeAuthor,
  range: { from: Date; to: Date; exceptRoot: string },
): Promise<StoredStrike[]> {
  const root = sql<string>`coalesce(${messages.editOf}, ${messages.id})`;
  return db
    .select({ root, at: sql<Date>`min(${messages.sentAt})`.mapWith(messages.sentAt) })
    .from(messages)
    .innerJoin(findings, eq(findings.messageId, messages.id))
    .innerJoin(decisions, eq(decisions.id, findings.decisionId))
    .where(
      and(
        eq(messages.platform, a.platform),
        eq(messages.workspaceId, a.workspaceId),
        eq(messages.authorId, a.authorId),
        eq(messages.communityId, a.communityId),
        gt(messages.sentAt, range.from),
        lt(messages.sentAt, range.to),
        eq(decisions.tier, 'standard'),
        eq(findings.shadow, false),
        like(findings.code, 'boundary.%'),
        ne(root, sql`${range.exceptRoot}::uuid`),
        notExists(
          db
            .select({ one: sql`1` })
            .from(escalations)
            .where(
              and(
                eq(escalations.messageId, messages.id),
                or(eq(escalations.status, 'dismissed'), eq(escalations.resolution, 'approved')),
              ),
            ),
        ),
      ),
    )
    .groupBy(root);
}
