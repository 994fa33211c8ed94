import { and, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { escalations, reviewCalls } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** A recorded review call. */
export type ReviewCallRow = typeof reviewCalls.$inferSelect;
/** Fields to record a review call (ids, model, tokens, latency, outcome, codes; never text). */
export type NewReviewCall = typeof reviewCalls.$inferInsert;

/** Records one review call or skipped review. */
export async function insertReviewCall(db: Executor, row: NewReviewCall): Promise<ReviewCallRow> {
  const rows = await db.insert(reviewCalls).values(row).returning();
  return rows[0]!;
}

/** Tokens a community's reviews spent since `since` (the daily budget counts these). */
export async function tokensSpentSince(db: Executor, communityId: string, since: Date): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`coalesce(sum(${reviewCalls.totalTokens}), 0)::int` })
    .from(reviewCalls)
    .where(and(eq(reviewCalls.communityId, communityId), gte(reviewCalls.createdAt, since)));
  return rows[0]?.n ?? 0;
}

/** Review calls of a message, newest first (/explain). */
export async function reviewCallsFor(db: Executor, messageId: string): Promise<ReviewCallRow[]> {
  return db
    .select()
    .from(reviewCalls)
    .where(eq(reviewCalls.messageId, messageId))
    .orderBy(desc(reviewCalls.createdAt));
}

/** Review calls of a community since `since` (eval and status figures). */
export async function reviewCallsSince(
  db: Executor,
  communityId: string,
  since: Date,
): Promise<ReviewCallRow[]> {
  return db
    .select()
    .from(reviewCalls)
    .where(and(eq(reviewCalls.communityId, communityId), gte(reviewCalls.createdAt, since)));
}

/** The newest open or claimed escalation about a message, which a second opinion adds its reason to. */
export async function liveEscalationOfMessage(db: Executor, messageId: string) {
  const rows = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.messageId, messageId), inArray(escalations.status, ['open', 'claimed'])))
    .orderBy(desc(escalations.createdAt))
    .limit(1);
  return rows[0];
}
