import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { effects } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** An effect row. */
export type EffectRow = typeof effects.$inferSelect;
/** Fields to insert an effect. */
export type NewEffect = typeof effects.$inferInsert;

/** Inserts outbox rows; returns them with ids. */
export async function insertEffects(tx: Executor, rows: NewEffect[]): Promise<EffectRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(effects).values(rows).returning();
}

/** Loads one effect. */
export async function getEffect(db: Executor, id: string): Promise<EffectRow | undefined> {
  const rows = await db.select().from(effects).where(eq(effects.id, id));
  return rows[0];
}

/** Marks an effect delivered with the platform's reference; only from a pending/queued state. */
export async function markEffectDelivered(
  db: Executor,
  id: string,
  platformRef: string | null,
): Promise<boolean> {
  const rows = await db
    .update(effects)
    .set({ state: 'delivered', platformRef, deliveredAt: sql`now()`, attempts: sql`${effects.attempts} + 1` })
    .where(and(eq(effects.id, id), inArray(effects.state, ['pending', 'queued'])))
    .returning({ id: effects.id });
  return rows.length > 0;
}

/** Records a failed attempt with an error code (never an error message, which may quote text). */
export async function markEffectAttemptFailed(
  db: Executor,
  id: string,
  code: string,
  final: boolean,
): Promise<void> {
  await db
    .update(effects)
    .set({
      lastErrorCode: code,
      attempts: sql`${effects.attempts} + 1`,
      ...(final ? { state: 'failed' } : {}),
    })
    .where(eq(effects.id, id));
}

/** Marks effects queued (their deliver job exists). */
export async function markEffectsQueued(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(effects)
    .set({ state: 'queued' })
    .where(and(inArray(effects.id, ids), eq(effects.state, 'pending')));
}

/** Cancels undelivered effects of messages (e.g. the author deleted the message). */
export async function cancelEffectsFor(db: Executor, messageIds: string[]): Promise<number> {
  if (messageIds.length === 0) return 0;
  const rows = await db
    .update(effects)
    .set({ state: 'cancelled' })
    .where(and(inArray(effects.messageId, messageIds), inArray(effects.state, ['pending', 'queued'])))
    .returning({ id: effects.id });
  return rows.length;
}

/** Effects still pending after `before` (the relay re-enqueues them). */
export async function findPendingEffects(db: Executor, before: Date, limit = 500): Promise<EffectRow[]> {
  return db
    .select()
    .from(effects)
    .where(and(inArray(effects.state, ['pending', 'queued']), lt(effects.createdAt, before)))
    .limit(limit);
}

/** Effects of a message (tests, /explain). */
export async function effectsFor(db: Executor, messageId: string): Promise<EffectRow[]> {
  return db.select().from(effects).where(eq(effects.messageId, messageId));
}
