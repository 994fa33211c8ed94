import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communities } from './communities.ts';

/** A platform channel and the space kind it is configured as. */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: text('community_id')
      .notNull()
      .references(() => communities.id),
    platform: text('platform').notNull(),
    workspaceId: text('workspace_id').notNull(),
    platformChannelId: text('platform_channel_id').notNull(),
    space: text('space').notNull(),
  },
  (t) => [uniqueIndex('channels_platform_ref').on(t.platform, t.workspaceId, t.platformChannelId)],
);
