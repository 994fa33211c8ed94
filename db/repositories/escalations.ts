import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { escalations } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** An escalation row. */
export type EscalationRow = typeof escalations.$inferSelect;

/** Opens an escalation. */
export async function createEscalation(
  tx: Executor,
  row: typeof escalations.$inferInsert,
): Promise<EscalationRow> {
  const rows = await tx.insert(escalations).values(row).returning();
  return rows[0]!;
}

/** Loads one escalation. */
export async function getEscalation(db: Executor, id: string): Promise<EscalationRow | undefined> {
  const rows = await db.select().from(escalations).where(eq(escalations.id, id));
  return rows[0];
}

/** Claims an open escalation; exactly one concurrent claimant wins, never an excluded one. Returns the row if won. */
export async function claimEscalation(
  db: Executor,
  id: string,
  actor: string,
): Promise<EscalationRow | undefined> {
  const rows = await db
    .update(escalations)
    .set({ status: 'claimed', claimedBy: actor, claimedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(escalations.id, id),
        eq(escalations.status, 'open'),
        sql`${escalations.excludedActor} is distinct from ${actor}`,
      ),
    )
    .returning();
  return rows[0];
}

/** An open, unclaimed policy escalation of the same author since `since`, to merge a burst into. */
export async function findOpenEscalationOfAuthor(
  db: Executor,
  communityId: string,
  authorId: string,
  since: Date,
): Promise<EscalationRow | undefined> {
  const rows = await db
    .select()
    .from(escalations)
    .where(
      and(
        eq(escalations.communityId, communityId),
        eq(escalations.authorId, authorId),
        eq(escalations.status, 'open'),
        eq(escalations.kind, 'policy'),
        gte(escalations.createdAt, since),
      ),
    )
    .orderBy(desc(escalations.createdAt))
    .limit(1)
    .for('update');
  return rows[0];
}

/** Adds reasons and codes to an escalation and raises its priority if needed. */
export async function mergeIntoEscalation(
  db: Executor,
  current: EscalationRow,
  add: { priority: 'routine' | 'urgent'; reasons: string[]; findingCodes: string[] },
): Promise<EscalationRow | undefined> {
  const rows = await db
    .update(escalations)
    .set({
      reasons: [...new Set([...current.reasons, ...add.reasons])],
      findingCodes: [...new Set([...current.findingCodes, ...add.findingCodes])],
      priority: add.priority === 'urgent' ? 'urgent' : current.priority,
      updatedAt: sql`now()`,
    })
    .where(eq(escalations.id, current.id))
    .returning();
  return rows[0];
}

/** How many escalations an author had since `since` (case history on cards: counts, never texts). */
export async function countEscalationsOfAuthor(
  db: Executor,
  communityId: string,
  authorId: string,
  since: Date,
): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(escalations)
    .where(
      and(
        eq(escalations.communityId, communityId),
        eq(escalations.authorId, authorId),
        gte(escalations.createdAt, since),
      ),
    );
  return rows[0]?.n ?? 0;
}

/** Replaces an erased member's id on their escalations. */
export async function pseudonymiseEscalations(
  db: Executor,
  authorId: string,
  pseudonym: string,
): Promise<void> {
  await db.update(escalations).set({ authorId: pseudonym }).where(eq(escalations.authorId, authorId));
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
export async function releaseEscalation(
  db: Executor,
  id: string,
  actor: string,
): Promise<EscalationRow | undefined> {
  const rows = await db
    .update(escalations)
    .set({ status: 'open', claimedBy: null, claimedAt: null, updatedAt: sql`now()` })
    .where(and(eq(escalations.id, id), eq(escalations.status, 'claimed'), eq(escalations.claimedBy, actor)))
    .returning();
  return rows[0];
}

/** The most recent resolved or dismissed escalation of a message (who decided it, for appeals). */
export async function latestClosedEscalationFor(
  db: Executor,
  messageId: string,
): Promise<EscalationRow | undefined> {
  const rows = await db
    .select()
    .from(escalations)
    .where(and(eq(escalations.messageId, messageId), sql`${escalations.status} in ('resolved', 'dismissed')`))
    .orderBy(desc(escalations.updatedAt))
    .limit(1);
  return rows[0];
}
