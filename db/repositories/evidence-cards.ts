import { and, eq, lte, lt, or, sql } from 'drizzle-orm';
import { evidenceCards } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** One concept's card in one thread, asked for at `at`. */
export interface EvidenceCardClaim {
  communityId: string;
  threadKey: string;
  concept: string;
  messageId: string;
  at: Date;
  windowMs: number;
  /** Cards allowed per window. */
  limit: number;
}

/**
 * Takes one card slot for a concept in a thread, atomically: true when this message may post a card for it.
 * A window starts with the first card and lasts `windowMs`; concurrent claims serialise on the row.
 */
export async function claimEvidenceCard(db: Executor, c: EvidenceCardClaim): Promise<boolean> {
  const expiredBefore = new Date(c.at.getTime() - c.windowMs);
  const expired = lte(evidenceCards.windowStartedAt, expiredBefore);
  const rows = await db
    .insert(evidenceCards)
    .values({
      communityId: c.communityId,
      threadKey: c.threadKey,
      concept: c.concept,
      windowStartedAt: c.at,
      cards: 1,
      lastMessageId: c.messageId,
    })
    .onConflictDoUpdate({
      target: [evidenceCards.communityId, evidenceCards.threadKey, evidenceCards.concept],
      set: {
        windowStartedAt: sql`case when ${expired} then excluded.window_started_at else ${evidenceCards.windowStartedAt} end`,
        cards: sql`case when ${expired} then 1 else ${evidenceCards.cards} + 1 end`,
        lastMessageId: sql`excluded.last_message_id`,
      },
      setWhere: or(expired, lt(evidenceCards.cards, c.limit)),
    })
    .returning({ id: evidenceCards.id });
  return rows.length > 0;
}

/** Cards counted for a concept in a thread's current window (0 when none); for tests and /ward status. */
export async function evidenceCardsIn(
  db: Executor,
  communityId: string,
  threadKey: string,
  concept: string,
): Promise<number> {
  const rows = await db
    .select({ cards: evidenceCards.cards })
    .from(evidenceCards)
    .where(
      and(
        eq(evidenceCards.communityId, communityId),
        eq(evidenceCards.threadKey, threadKey),
        eq(evidenceCards.concept, concept),
      ),
    );
  return rows[0]?.cards ?? 0;
}

/** Deletes card counters whose window began before `before` (they no longer limit anything); returns how many. */
export async function purgeEvidenceCardsBefore(
  db: Executor,
  communityId: string,
  before: Date,
): Promise<number> {
  const rows = await db
    .delete(evidenceCards)
    .where(and(eq(evidenceCards.communityId, communityId), lt(evidenceCards.windowStartedAt, before)))
    .returning({ id: evidenceCards.id });
  return rows.length;
}
