import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communities } from './communities.ts';

/** A community member as seen on one platform, with the community roles last seen. */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    platformUserId: text('platform_user_id').notNull(),
    roles: text('roles').array().notNull().default([]),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('members_platform_ref').on(t.platform, t.workspaceId, t.platformUserId)],
);
