import { sql } from 'drizzle-orm';
import { channels, communities } from '../schema/index.ts';
import type { Executor } from './executor.ts';

/** What the store needs of a community config. */
export interface CommunityRecord {
  id: string;
  name: string;
  config: unknown;
  channels: { platform: string; workspaceId: string; platformChannelId: string; space: string }[];
}

/** Stores the config in force and the channel → space map. */
export async function upsertCommunity(db: Executor, record: CommunityRecord): Promise<void> {
  await db
    .insert(communities)
    .values({ id: record.id, name: record.name, config: record.config })
    .onConflictDoUpdate({
      target: communities.id,
      set: { name: record.name, config: record.config, updatedAt: sql`now()` },
    });
  if (record.channels.length === 0) return;
  await db
    .insert(channels)
    .values(record.channels.map((c) => ({ ...c, communityId: record.id })))
    .onConflictDoUpdate({
      target: [channels.platform, channels.workspaceId, channels.platformChannelId],
      set: { space: sql`excluded.space`, communityId: record.id },
    });
}
