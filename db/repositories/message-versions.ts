import { and, eq, ne, sql } from 'drizzle-orm';
import { messageRoots, messages } from '../schema/index.ts';
import type { Executor } from './executor.ts';
import type { NewMessage, PlatformMessageRef } from './messages.ts';

/** What storing a message version did. */
export interface StoredVersion {
  /** False when this exact version was already stored (a redelivery). */
  inserted: boolean;
  id: string;
  status: string;
  /** True when this version became the first one in place of an earlier-stored, later-sent version (an edit that overtook it). */
  displacedRoot: boolean;
}

/**
 * Stores one version of a platform message with `edit_of` pointing at its first version, in one statement: the
 * platform message's `message_roots` row is upserted first, so concurrent writers of its versions serialise on that
 * row and each sees the root the previous one left. The earliest-sent version is the root (ties: the first stored).
 */
export async function insertVersion(
  db: Executor,
  row: NewMessage & PlatformMessageRef,
): Promise<StoredVersion> {
  const root = db.$with('root').as(
    db
      .insert(messageRoots)
      .values({
        platform: row.platform,
        workspaceId: row.workspaceId,
        platformChannelId: row.platformChannelId,
        platformMessageId: row.platformMessageId,
        rootId: row.id,
        rootSentAt: row.sentAt,
      })
      .onConflictDoUpdate({
        target: [
          messageRoots.platform,
          messageRoots.workspaceId,
          messageRoots.platformChannelId,
          messageRoots.platformMessageId,
        ],
        set: {
          rootId: sql`case when excluded.root_sent_at < ${messageRoots.rootSentAt} then excluded.root_id else ${messageRoots.rootId} end`,
          rootSentAt: sql`least(excluded.root_sent_at, ${messageRoots.rootSentAt})`,
        },
      })
      .returning({ rootId: messageRoots.rootId, fresh: sql<boolean>`(xmax = 0)`.as('fresh') }),
  );
  const rows = await db
    .with(root)
    .insert(messages)
    .values({ ...row, editOf: sql`(select nullif(${root.rootId}, ${row.id}::uuid) from ${root})` })
    .onConflictDoNothing()
    .returning({
      id: messages.id,
      editOf: messages.editOf,
      fresh: sql<boolean>`(select ${root.fresh} from ${root})`,
    });
  const stored = rows[0];
  if (stored) {
    // Not the first writer, yet the root: this version was sent before the ones already stored.
    const displacedRoot = !stored.fresh && stored.editOf === null;
    return { inserted: true, id: stored.id, status: 'received', displacedRoot };
  }
  const existing = await db
    .select({ id: messages.id, status: messages.status })
    .from(messages)
    .where(eq(messages.id, row.id));
  if (!existing[0]) throw new Error('message conflict without a stored row');
  return { inserted: false, id: existing[0].id, status: existing[0].status, displacedRoot: false };
}

/** Points every other version of a platform message at `rootId` (after an original arrived behind its edits). */
export async function relinkVersions(db: Executor, ref: PlatformMessageRef, rootId: string): Promise<void> {
  await db
    .update(messages)
    .set({ editOf: rootId })
    .where(
      and(
        eq(messages.platform, ref.platform),
        eq(messages.workspaceId, ref.workspaceId),
        eq(messages.platformChannelId, ref.platformChannelId),
        eq(messages.platformMessageId, ref.platformMessageId),
        ne(messages.id, rootId),
        sql`${messages.editOf} is distinct from ${rootId}::uuid`,
      ),
    );
}
