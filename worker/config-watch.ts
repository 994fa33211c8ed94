import { statSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Database } from '../db/client.ts';
import { upsertCommunity } from '../db/repositories/communities.ts';
import { insertEffects } from '../db/repositories/effects.ts';
import type { CommunityConfig } from '../policies/core/community-config.ts';
import type { CommunityState } from './community.ts';
import { ConfigError, loadConfigFile } from './load-config.ts';
import { PRIORITY, type WardQueues } from './queues.ts';

/** What the store keeps of a community config: the config in force and the channel → space map. */
export function communityRecord(config: CommunityConfig) {
  return {
    id: config.community.id,
    name: config.community.name,
    config,
    channels: config.channels.map((c) => ({
      platform: c.platform,
      workspaceId: '*',
      platformChannelId: c.id,
      space: c.space,
    })),
  };
}

/** Watches the config file: valid changes apply at once; invalid ones keep the last valid config and alert. */
export function watchConfig(
  file: string,
  community: CommunityState,
  database: Database,
  queues: WardQueues,
  log: Logger,
): () => void {
  // Poll with a baseline taken now, so a change made right after start-up is never missed.
  let seen = fingerprint(file);
  const timer = setInterval(async () => {
    const now = fingerprint(file);
    if (now === seen) return;
    seen = now;
    try {
      const next = loadConfigFile(file);
      community.replace(next);
      await upsertCommunity(database.db, communityRecord(next));
      log.info({ communityId: next.community.id }, 'community config reloaded');
    } catch (err) {
      // Keep the last valid config; tell moderators without quoting the file.
      log.error(
        { code: 'config_invalid', issues: err instanceof ConfigError ? err.issues.length : 1 },
        'config change rejected; keeping the last valid config',
      );
      const admin = community.current.community.admin_channel;
      const [row] = await insertEffects(database.db, [
        {
          communityId: community.id,
          platform: admin.platform,
          kind: 'alert_moderators',
          payload: { code: 'config_invalid' },
          priority: PRIORITY.urgent,
        },
      ]).catch(() => []);
      if (row)
        await queues
          .enqueueDeliver([{ id: row.id, platform: admin.platform, priority: row.priority }])
          .catch(() => {});
    }
  }, 500);
  timer.unref();
  return () => clearInterval(timer);
}

function fingerprint(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}
