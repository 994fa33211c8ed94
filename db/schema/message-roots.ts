import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The first version of each platform message: one row per platform message, so writers of its versions (an
 * original and an edit arriving together or out of order) serialise on that row and agree on the root. Ids only.
 */
export const messageRoots = pgTable(
  'message_roots',
  {
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    platformChannelId: text('platform_channel_id').notNull(),
    platformMessageId: text('platform_message_id').notNull(),
    /** The earliest-sent stored version; every other version's `edit_of` points at it. */
    rootId: uuid('root_id').notNull(),
    rootSentAt: timestamp('root_sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({
      name: 'message_roots_ref',
      columns: [t.platform, t.workspaceId, t.platformChannelId, t.platformMessageId],
    }),
  ],
);
