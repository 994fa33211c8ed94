import {
  findSubscription,
  insertSubscription,
  listSubscriptions,
  updateSubscription,
} from '../../db/repositories/bridges.ts';
import { zBridgeSettings } from '../../policies/core/community-config.ts';
import type { BridgeDeps } from './deps.ts';
import { resolveChannel } from './channel-ref.ts';
import { parseSourceSpec } from './parse-source.ts';

/**
 * Brings config-declared bridges into the database: new entries subscribe (learning first), changed settings
 * apply, `paused: true` pauses, and entries gone from the config are removed. Command-made bridges are untouched.
 */
export async function syncConfigBridges(deps: Pick<BridgeDeps, 'db' | 'community' | 'log'>): Promise<void> {
  const config = deps.community.current;
  const keep = new Set<string>();
  for (const [i, entry] of config.bridges.entries()) {
    const target = parseSourceSpec(entry.source);
    const channel = resolveChannel(config, entry.channel);
    if ('error' in target || !channel) {
      deps.log.warn({ code: 'bridge_config_invalid', index: i }, 'config bridge skipped');
      continue;
    }
    const { source: _s, channel: _c, paused, ...rest } = entry;
    const settings = zBridgeSettings.parse(rest);
    const key = {
      communityId: deps.community.id,
      kind: target.kind,
      source: target.source,
      instance: target.instance,
      targetPlatform: channel.platform,
      targetChannelId: channel.id,
    };
    const found = await findSubscription(deps.db, key);
    if (!found) {
      const row = await insertSubscription(deps.db, {
        ...key,
        targetWorkspaceId: '*',
        settings,
        origin: 'config',
        createdBy: 'config',
        ...(paused ? { state: 'paused', pausedReason: 'config' } : {}),
      });
      keep.add(row.id);
      continue;
    }
    keep.add(found.id);
    if (found.origin !== 'config') continue;
    const state =
      paused && found.state !== 'paused'
        ? { state: 'paused', pausedReason: 'config' }
        : !paused && found.pausedReason === 'config'
          ? { state: 'active', pausedReason: null }
          : {};
    await updateSubscription(deps.db, found.id, { settings, ...state });
  }
  for (const sub of await listSubscriptions(deps.db, deps.community.id)) {
    if (sub.origin === 'config' && !keep.has(sub.id))
      await updateSubscription(deps.db, sub.id, { state: 'removed' });
  }
}
