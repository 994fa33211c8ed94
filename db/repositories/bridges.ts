import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { bridgeItems, bridgeSubscriptions, effects, messages } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** A bridge subscription row. */
export type BridgeSubscriptionRow = typeof bridgeSubscriptions.$inferSelect;
/** Fields to insert a subscription. */
export type NewBridgeSubscription = typeof bridgeSubscriptions.$inferInsert;
/** A seen-item row. */
export type BridgeItemRow = typeof bridgeItems.$inferSelect;
/** Fields to insert a seen item. */
export type NewBridgeItem = typeof bridgeItems.$inferInsert;

/** Item states that mean "this article is already in the channel's history" for cross-source dedupe. */
const KNOWN_STATES = ['learned', 'pending', 'queued', 'ingested', 'deleted'];

/** Inserts a subscription. */
export async function insertSubscription(
  db: Executor,
  row: NewBridgeSubscription,
): Promise<BridgeSubscriptionRow> {
  const [out] = await db.insert(bridgeSubscriptions).values(row).returning();
  if (!out) throw new Error('bridge subscription insert returned nothing');
  return out;
}

/** Loads one subscription. */
export async function getSubscription(db: Executor, id: string): Promise<BridgeSubscriptionRow | undefined> {
  const rows = await db.select().from(bridgeSubscriptions).where(eq(bridgeSubscriptions.id, id));
  return rows[0];
}

/** A community's subscriptions (removed ones only when asked), oldest first. */
export async function listSubscriptions(
  db: Executor,
  communityId: string,
  includeRemoved = false,
): Promise<BridgeSubscriptionRow[]> {
  const where = includeRemoved
    ? eq(bridgeSubscriptions.communityId, communityId)
    : and(eq(bridgeSubscriptions.communityId, communityId), sql`${bridgeSubscriptions.state} <> 'removed'`);
  return db.select().from(bridgeSubscriptions).where(where).orderBy(asc(bridgeSubscriptions.createdAt));
}

/** Updates a subscription; returns whether it exists. */
export async function updateSubscription(
  db: Executor,
  id: string,
  patch: Partial<NewBridgeSubscription>,
): Promise<boolean> {
  const rows = await db
    .update(bridgeSubscriptions)
    .set(patch)
    .where(eq(bridgeSubscriptions.id, id))
    .returning({ id: bridgeSubscriptions.id });
  return rows.length > 0;
}

/** Seen items of a subscription with the given keys. */
export async function itemsByKeys(
  db: Executor,
  subscriptionId: string,
  keyHashes: string[],
): Promise<BridgeItemRow[]> {
  if (keyHashes.length === 0) return [];
  const out: BridgeItemRow[] = [];
  // Chunked: a 10,000-item feed would otherwise be one enormous parameter list.
  for (let i = 0; i < keyHashes.length; i += 1000) {
    out.push(
      ...(await db
        .select()
        .from(bridgeItems)
        .where(
          and(
            eq(bridgeItems.subscriptionId, subscriptionId),
            inArray(bridgeItems.keyHash, keyHashes.slice(i, i + 1000)),
          ),
        )),
    );
  }
  return out;
}

/** Which of these URL and content hashes a channel has already seen, from any subscription. */
export async function knownHashesInTarget(
  db: Executor,
  communityId: string,
  targetKey: string,
  hashes: { url: string[]; content: string[] },
): Promise<Set<string>> {
  const known = new Set<string>();
  const scope = and(
    eq(bridgeItems.communityId, communityId),
    eq(bridgeItems.targetKey, targetKey),
    inArray(bridgeItems.state, KNOWN_STATES),
  );
  for (const [column, list] of [
    [bridgeItems.urlHash, hashes.url],
    [bridgeItems.contentHash, hashes.content],
  ] as const) {
    for (let i = 0; i < list.length; i += 1000) {
      const rows = await db
        .select({ h: column })
        .from(bridgeItems)
        .where(and(scope, inArray(column, list.slice(i, i + 1000))));
      for (const r of rows) if (r.h) known.add(r.h);
    }
  }
  return known;
}

/** Inserts seen items (ignores any already recorded under the same key). */
export async function insertItems(db: Executor, rows: NewBridgeItem[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(bridgeItems)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
  }
}

/** Updates one seen item. */
export async function updateItem(db: Executor, id: string, patch: Partial<NewBridgeItem>): Promise<void> {
  await db.update(bridgeItems).set(patch).where(eq(bridgeItems.id, id));
}

/** Serialises work on one target channel across workers (dedupe and caps), for the enclosing transaction. */
export async function lockTarget(tx: Executor, targetKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`bridge:${targetKey}`}))`);
}

/** How many items a channel has taken from bridges since `since` (rate and daily caps). */
export async function countIngestedSince(db: Executor, targetKey: string, since: Date): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bridgeItems)
    .where(
      and(
        eq(bridgeItems.targetKey, targetKey),
        inArray(bridgeItems.state, ['queued', 'ingested']),
        gte(bridgeItems.ingestedAt, since),
      ),
    );
  return rows[0]?.n ?? 0;
}

/** Items of a subscription waiting for the rate cap, oldest first. */
export async function pendingItems(
  db: Executor,
  subscriptionId: string,
  limit: number,
): Promise<BridgeItemRow[]> {
  if (limit <= 0) return [];
  return db
    .select()
    .from(bridgeItems)
    .where(and(eq(bridgeItems.subscriptionId, subscriptionId), eq(bridgeItems.state, 'pending')))
    .orderBy(sql`${bridgeItems.publishedAt} asc nulls last`, asc(bridgeItems.firstSeenAt))
    .limit(limit);
}

/** Items of a subscription selected for ingest but not yet recorded as ingested (a crash in between). */
export async function queuedItems(db: Executor, subscriptionId: string): Promise<BridgeItemRow[]> {
  return db
    .select()
    .from(bridgeItems)
    .where(and(eq(bridgeItems.subscriptionId, subscriptionId), eq(bridgeItems.state, 'queued')));
}

/** Marks items queued for ingest at `at` (they count against the caps from then on). */
export async function markQueued(db: Executor, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(bridgeItems).set({ state: 'queued', ingestedAt: at }).where(inArray(bridgeItems.id, ids));
}

/** Live items of a subscription published at or after `since` (candidates for "deleted upstream"). */
export async function liveItemsSince(
  db: Executor,
  subscriptionId: string,
  since: Date,
): Promise<BridgeItemRow[]> {
  return db
    .select()
    .from(bridgeItems)
    .where(
      and(
        eq(bridgeItems.subscriptionId, subscriptionId),
        inArray(bridgeItems.state, ['pending', 'queued', 'ingested']),
        gte(bridgeItems.publishedAt, since),
      ),
    );
}

/** The seen item behind a bridge message (any version of it), with its subscription. */
export async function itemForMessage(
  db: Executor,
  messageIds: string[],
): Promise<{ item: BridgeItemRow; subscription: BridgeSubscriptionRow } | undefined> {
  if (messageIds.length === 0) return undefined;
  const rows = await db
    .select({ item: bridgeItems, subscription: bridgeSubscriptions })
    .from(bridgeItems)
    .innerJoin(bridgeSubscriptions, eq(bridgeSubscriptions.id, bridgeItems.subscriptionId))
    .where(inArray(bridgeItems.messageId, messageIds))
    .limit(1);
  return rows[0];
}

/** The channel post of a bridge message: the latest delivered post of any of its versions. */
export async function postedRefOf(db: Executor, firstVersionId: string): Promise<string | null> {
  const rows = await db
    .select({ ref: effects.platformRef })
    .from(effects)
    .innerJoin(messages, eq(messages.id, effects.messageId))
    .where(
      and(
        or(eq(messages.id, firstVersionId), eq(messages.editOf, firstVersionId)),
        inArray(effects.kind, ['post_message', 'update_message']),
        eq(effects.state, 'delivered'),
        sql`${effects.platformRef} is not null`,
      ),
    )
    .orderBy(desc(effects.deliveredAt))
    .limit(1);
  return rows[0]?.ref ?? null;
}

/** Subscriptions of a community not yet removed with the given source and target (idempotent add, config sync). */
export async function findSubscription(
  db: Executor,
  key: {
    communityId: string;
    kind: string;
    source: string;
    instance: string | null;
    targetPlatform: string;
    targetChannelId: string;
  },
): Promise<BridgeSubscriptionRow | undefined> {
  const rows = await db
    .select()
    .from(bridgeSubscriptions)
    .where(
      and(
        eq(bridgeSubscriptions.communityId, key.communityId),
        eq(bridgeSubscriptions.kind, key.kind),
        eq(bridgeSubscriptions.source, key.source),
        key.instance === null
          ? isNull(bridgeSubscriptions.instance)
          : eq(bridgeSubscriptions.instance, key.instance),
        eq(bridgeSubscriptions.targetPlatform, key.targetPlatform),
        eq(bridgeSubscriptions.targetChannelId, key.targetChannelId),
        sql`${bridgeSubscriptions.state} <> 'removed'`,
      ),
    )
    .limit(1);
  return rows[0];
}

/** True when a subscription has recorded any item (its learning phase is over). */
export async function hasItems(db: Executor, subscriptionId: string): Promise<boolean> {
  const rows = await db
    .select({ id: bridgeItems.id })
    .from(bridgeItems)
    .where(eq(bridgeItems.subscriptionId, subscriptionId))
    .limit(1);
  return rows.length > 0;
}

/** Item counts per state of a subscription (for `/ward bridge list`). */
export async function itemCounts(db: Executor, subscriptionId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: bridgeItems.state, n: sql<number>`count(*)::int` })
    .from(bridgeItems)
    .where(eq(bridgeItems.subscriptionId, subscriptionId))
    .groupBy(bridgeItems.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}
