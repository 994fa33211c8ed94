import { RE2JS } from 're2js';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import {
  type BridgeSubscriptionRow,
  findSubscription,
  getSubscription,
  hasItems,
  insertSubscription,
  listSubscriptions,
  updateSubscription,
} from '../../db/repositories/bridges.ts';
import { zBridgeSettings } from '../../policies/core/community-config.ts';
import type { CommunityState } from '../community.ts';
import { resolveChannel } from './channel-ref.ts';
import { parseBridgeCommand } from './command-args.ts';
import { parseSourceSpec } from './parse-source.ts';

/** What bridge commands need; `onChange` lets a running scheduler follow at once (it also re-syncs on its own). */
export interface BridgeCommandDeps {
  db: Db;
  community: CommunityState;
  onChange?: () => Promise<void>;
}

/** A command's answer: the changed subscription, or a readable refusal. */
export type BridgeChange =
  | { ok: true; subscription: BridgeSubscriptionRow; existed?: boolean }
  | { ok: false; error: string };

/** `/ward bridge add`: validates source, channel and settings, then subscribes (learning phase first). Idempotent. */
export async function addBridge(
  deps: BridgeCommandDeps,
  input: {
    source: string;
    channel: string;
    settings?: Record<string, unknown>;
    actor: string;
    workspaceId?: string;
  },
): Promise<BridgeChange> {
  const target = parseSourceSpec(input.source);
  if ('error' in target) return { ok: false, error: target.error };
  const channel = resolveChannel(deps.community.current, input.channel);
  if (!channel) return { ok: false, error: `no configured channel ${input.channel}` };
  const parsed = zBridgeSettings.safeParse(input.settings ?? {});
  if (!parsed.success)
    return {
      ok: false,
      error: `invalid settings: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    };
  if (parsed.data.filters.regex) {
    try {
      RE2JS.compile(parsed.data.filters.regex);
    } catch {
      return { ok: false, error: 'the regex is not valid RE2 syntax (no back-references or look-arounds)' };
    }
  }
  const key = {
    communityId: deps.community.id,
    kind: target.kind,
    source: target.source,
    instance: target.instance,
    targetPlatform: channel.platform,
    targetChannelId: channel.id,
  };
  const existing = await findSubscription(deps.db, key);
  if (existing) return { ok: true, subscription: existing, existed: true };
  const subscription = await insertSubscription(deps.db, {
    ...key,
    targetWorkspaceId: input.workspaceId ?? '*',
    settings: parsed.data,
    origin: 'command',
    createdBy: input.actor,
  });
  await audit(deps, input.actor, 'bridge_added', subscription.id);
  await deps.onChange?.();
  return { ok: true, subscription };
}

/** `/ward bridge list`: the community's bridges, removed ones left out. */
export async function listBridges(deps: BridgeCommandDeps): Promise<BridgeSubscriptionRow[]> {
  return listSubscriptions(deps.db, deps.community.id);
}

async function change(
  deps: BridgeCommandDeps,
  id: string,
  actor: string,
  action: 'bridge_paused' | 'bridge_resumed' | 'bridge_removed',
  patch: (sub: BridgeSubscriptionRow) => Promise<Partial<BridgeSubscriptionRow>>,
): Promise<BridgeChange> {
  const sub = /^[0-9a-f-]{36}$/i.test(id) ? await getSubscription(deps.db, id) : undefined;
  if (!sub || sub.communityId !== deps.community.id || sub.state === 'removed')
    return { ok: false, error: `no bridge ${id}` };
  await updateSubscription(deps.db, id, await patch(sub));
  await audit(deps, actor, action, id);
  await deps.onChange?.();
  return { ok: true, subscription: (await getSubscription(deps.db, id)) ?? sub };
}

/** `/ward bridge pause <id>`: stops polling; nothing is lost. */
export function pauseBridge(deps: BridgeCommandDeps, id: string, actor: string): Promise<BridgeChange> {
  return change(deps, id, actor, 'bridge_paused', async () => ({
    state: 'paused',
    pausedReason: 'moderator',
  }));
}

/** `/ward bridge resume <id>`: polls again, failures forgotten; a bridge that never learned its source learns first. */
export function resumeBridge(deps: BridgeCommandDeps, id: string, actor: string): Promise<BridgeChange> {
  return change(deps, id, actor, 'bridge_resumed', async (sub) => ({
    state: (await hasItems(deps.db, sub.id)) ? 'active' : 'learning',
    pausedReason: null,
    consecutiveFailures: 0,
    nextPollAfter: null,
  }));
}

/** `/ward bridge remove <id>`: stops for good; its seen items stay, so a later re-add does not repost them. */
export function removeBridge(deps: BridgeCommandDeps, id: string, actor: string): Promise<BridgeChange> {
  return change(deps, id, actor, 'bridge_removed', async () => ({ state: 'removed' }));
}

/** One line per bridge, for moderators. */
export function formatBridgeList(rows: BridgeSubscriptionRow[]): string {
  if (rows.length === 0)
    return 'No bridges. Add one with /ward bridge add <feed URL | #tag@instance> <#channel>.';
  return rows
    .map((s) => {
      const what =
        s.kind === 'feed'
          ? s.source
          : s.kind === 'mastodon'
            ? `#${s.source}@${s.instance}`
            : `bluesky:${s.source}`;
      const trouble = s.consecutiveFailures ? ` (${s.consecutiveFailures} failures, ${s.lastErrorCode})` : '';
      return `${s.id}  ${s.state}${trouble}  ${what} → ${s.targetChannelId}`;
    })
    .join('\n');
}

/** Runs `/ward bridge …` for a moderator and answers in text (adapters show it privately). */
export async function runBridgeCommand(
  deps: BridgeCommandDeps,
  text: string,
  actor: { id: string; roles: readonly string[]; workspaceId?: string },
): Promise<string> {
  if (!actor.roles.includes('moderator')) return 'Only moderators can manage bridges.';
  const cmd = parseBridgeCommand(text);
  if ('error' in cmd) return cmd.error;
  if (cmd.verb === 'list') return formatBridgeList(await listBridges(deps));
  const result =
    cmd.verb === 'add'
      ? await addBridge(deps, {
          ...cmd,
          actor: actor.id,
          ...(actor.workspaceId ? { workspaceId: actor.workspaceId } : {}),
        })
      : await { pause: pauseBridge, resume: resumeBridge, remove: removeBridge }[cmd.verb](
          deps,
          cmd.id,
          actor.id,
        );
  if (!result.ok) return result.error;
  const s = result.subscription;
  if (cmd.verb === 'add')
    return result.existed
      ? `That bridge exists already: ${s.id} (${s.state}).`
      : `Bridge ${s.id} added. It first learns what the source has now (nothing of that is posted), then posts new items.`;
  return `Bridge ${s.id} is ${s.state}.`;
}

async function audit(deps: BridgeCommandDeps, actor: string, action: string, id: string): Promise<void> {
  await deps.db.transaction((tx) =>
    appendAudit(tx, [
      { communityId: deps.community.id, actor, action, subjectType: 'bridge', subjectId: id, detail: {} },
    ]),
  );
}
