import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { messages } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** A message row. */
export type MessageRow = typeof messages.$inferSelect;
/** Fields to insert a message. */
export type NewMessage = typeof messages.$inferInsert;

/** A platform message's identity, as repositories look it up. */
export interface PlatformMessageRef {
  platform: string;
  workspaceId: string;
  platformChannelId: string;
  platformMessageId: string;
}

function sameMessage(ref: PlatformMessageRef) {
  return [
    eq(messages.platform, ref.platform),
    eq(messages.workspaceId, ref.workspaceId),
    eq(messages.platformChannelId, ref.platformChannelId),
    eq(messages.platformMessageId, ref.platformMessageId),
  ];
}

/** Inserts a message version; `inserted` is false when this exact version was already stored. */
export async function insertMessage(
  db: Executor,
  row: NewMessage,
): Promise<{ inserted: boolean; id: string; status: string }> {
  const rows = await db.insert(messages).values(row).onConflictDoNothing().returning({ id: messages.id });
  if (rows[0]) return { inserted: true, id: rows[0].id, status: 'received' };
  const existing = await db
    .select({ id: messages.id, status: messages.status })
    .from(messages)
    .where(eq(messages.id, row.id));
  if (!existing[0]) throw new Error('message conflict without a stored row');
  return { inserted: false, id: existing[0].id, status: existing[0].status };
}

/** Loads one message by id. */
export async function getMessage(db: Executor, id: string): Promise<MessageRow | undefined> {
  const rows = await db.select().from(messages).where(eq(messages.id, id));
  return rows[0];
}

/** The first stored version of a platform message, if any (edits point at it). */
export async function findFirstVersion(db: Executor, ref: PlatformMessageRef): Promise<string | undefined> {
  const rows = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(...sameMessage(ref), sql`${messages.editOf} is null`))
    .limit(1);
  return rows[0]?.id;
}

/** Stores the redacted copy, and marks the message evaluated when every tier is done. */
export async function storeRedactedCopy(
  db: Executor,
  id: string,
  redactedCipher: Buffer,
  evaluated: boolean,
): Promise<void> {
  await db
    .update(messages)
    .set(evaluated ? { status: 'evaluated', redactedCipher } : { redactedCipher })
    .where(eq(messages.id, id));
}

/** Marks every stored version of a platform message deleted and drops its text; returns their ids. */
export async function markDeleted(db: Executor, ref: PlatformMessageRef): Promise<string[]> {
  const rows = await db
    .update(messages)
    .set({ status: 'deleted', textCipher: null, redactedCipher: null, purgedAt: sql`now()` })
    .where(and(...sameMessage(ref)))
    .returning({ id: messages.id });
  return rows.map((r) => r.id);
}

/** Ids of messages received before `before` that were never evaluated (the recovery sweep re-enqueues them). */
export async function findUnevaluated(db: Executor, before: Date, limit = 500): Promise<string[]> {
  const rows = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.status, 'received'), lt(messages.receivedAt, before)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Purges originals and redacted copies received before `before`; returns how many were purged. */
export async function purgeTextBefore(db: Executor, communityId: string, before: Date): Promise<number> {
  const rows = await db
    .update(messages)
    .set({ textCipher: null, redactedCipher: null, purgedAt: sql`now()` })
    .where(
      and(
        eq(messages.communityId, communityId),
        lt(messages.receivedAt, before),
        isNotNull(messages.textCipher),
      ),
    )
    .returning({ id: messages.id });
  return rows.length;
}

/** Removes a member's originals and redacted copies and replaces their id by `pseudonym`; returns message ids. */
export async function eraseAuthorText(
  db: Executor,
  author: { platform: string; authorId: string; pseudonym: string },
): Promise<string[]> {
  const conditions = [eq(messages.platform, author.platform), eq(messages.authorId, author.authorId)];
  const rows = await db
    .update(messages)
    .set({ textCipher: null, redactedCipher: null, authorId: author.pseudonym, purgedAt: sql`now()` })
    .where(and(...conditions))
    .returning({ id: messages.id });
  return rows.map((r) => r.id);
}

/** Counts of messages by status for the given ids (tests and status reports). */
export async function statusOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: messages.id, status: messages.status })
    .from(messages)
    .where(inArray(messages.id, ids));
  return new Map(rows.map((r) => [r.id, r.status]));
}

/** The latest stored version of a platform message (edits included), if any. */
export async function findLatestVersion(db: Executor, ref: PlatformMessageRef): Promise<string | undefined> {
  const rows = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(...sameMessage(ref)))
    .orderBy(desc(messages.receivedAt))
    .limit(1);
  return rows[0]?.id;
}
