import { and, eq, sql } from 'drizzle-orm';
import { escalations } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** An escalation row. */
export type EscalationRow = typeof escalations.$inferSelect;

/** Opens an escalation. */
export async function createEscalation(tx: Executor, row: typeof escalations.$inferInsert): Promise<EscalationRow> {
  const rows = await tx.insert(escalations).values(row).returning();
  return rows[0]!;
}

/** Loads one escalation. */
export async function getEscalation(db: Executor, id: string): Promise<EscalationRow | undefined> {
  const rows = await db.select().from(escalations).where(eq(escalations.id, id));
  return rows[0];
}

/** Claims an open escalation; exactly one concurrent claimant wins. Returns the row if this call won. */
export async function claimEscalation(db: Executor, id: string, actor: string): Promise<EscalationRow | undefined> {
  const rows = await db
    .update(escalations)
    .set({ status: 'claimed', claimedBy: actor, claimedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(escalations.id, id), eq(escalations.status, 'open')))
    .returning();
  return rows[0];
}

/** Closes an escalation as resolved or dismissed, from open or claimed. */
export async function closeEscalation(
  db: Executor,
  id: string,
  actor: string,
  status: 'resolved' | 'dismissed',
  resolution: string,
): Promise<EscalationRow | undefined> {
  const rows = await db
    .update(escalations)
    .set({ status, resolvedBy: actor, resolution, updatedAt: sql`now()` })
    .where(and(eq(escalations.id, id), sql`${escalations.status} in ('open', 'claimed')`))
    .returning();
  return rows[0];
}

/** Remembers where the escalation's card was posted so later updates edit it. */
export async function setEscalationCard(
  db: Executor,
  id: string,
  card: { platform: string; channelId: string; messageId: string },
): Promise<void> {
  await db
    .update(escalations)
    .set({ cardPlatform: card.platform, cardChannelId: card.channelId, cardMessageId: card.messageId })
    .where(eq(escalations.id, id));
}

/** Open and claimed escalations of a community, by priority (for /ward status). */
export async function countOpenEscalations(db: Executor, communityId: string) {
  return db
    .select({ priority: escalations.priority, status: escalations.status, n: sql<number>`count(*)::int` })
    .from(escalations)
    .where(and(eq(escalations.communityId, communityId), sql`${escalations.status} in ('open', 'claimed')`))
    .groupBy(escalations.priority, escalations.status);
}

/** Releases a claim held by `actor`, back to open. */
export async function releaseEscalation(db: Executor, id: string, actor: string): Promise<EscalationRow | undefined> {
  const rows = await db
    .update(escalations)
    .set({ status: 'open', claimedBy: null, claimedAt: null, updatedAt: sql`now()` })
    .where(and(eq(escalations.id, id), eq(escalations.status, 'claimed'), eq(escalations.claimedBy, actor)))
    .returning();
  return rows[0];
}
