import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './columns.ts';
import { communities } from './communities.ts';

/** A received message; text only as AES-256-GCM ciphertext, originals purged after retention. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    platformChannelId: text('platform_channel_id').notNull(),
    platformMessageId: text('platform_message_id').notNull(),
    threadId: text('thread_id'),
    authorId: text('author_id').notNull(),
    authorRoles: text('author_roles').array().notNull().default([]),
    space: text('space').notNull(),
    locale: text('locale'),
    /** Keyed MAC of the text: tells a redelivery from an edit without storing anything readable. */
    contentMac: text('content_mac').notNull(),
    editOf: uuid('edit_of'),
    textLength: integer('text_length').notNull(),
    textCipher: bytea('text_cipher'),
    redactedCipher: bytea('redacted_cipher'),
    status: text('status').notNull().default('received'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('messages_platform_version').on(
      t.platform,
      t.workspaceId,
      t.platformChannelId,
      t.platformMessageId,
      t.contentMac,
    ),
    index('messages_status_received').on(t.status, t.receivedAt),
    index('messages_author').on(t.platform, t.workspaceId, t.authorId),
  ],
);
