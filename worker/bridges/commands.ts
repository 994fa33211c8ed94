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
import type { Platform } from '../../policies/core/types.ts';
import { probeSource } from '../commands/bridge-probe.ts';
import type { BridgeProblem } from '../commands/bridge-outcome.ts';
import { formatBridgeOutcome } from '../commands/bridge-replies.ts';
import type { CommunityState } from '../community.ts';
import { resolveChannel } from './channel-ref.ts';
import { type BridgeFetchOptions, DEFAULT_FETCH_OPTIONS } from './http-fetch.ts';
import { parseSourceSpec } from './parse-source.ts';
import type { BridgeRuntimeOptions } from './start-bridges.ts';

export type { BridgeProblem } from '../commands/bridge-outcome.ts';

/** What bridge commands need; `onChange` lets a running scheduler follow at once (it also re-syncs on its own). */
export interface BridgeCommandDeps {
  db: Db;
  community: CommunityState;
  onChange?: () => Promise<void>;
  /** When set, `add` from a command first fetches the source once with these limits (same SSRF guard as polls). */
  probe?: BridgeFetchOptions;
}

/** A command's answer: the changed subscription, or a refusal (`error` is its English wording). */
export type BridgeChange =
  | { ok: true; subscription: BridgeSubscriptionRow; existed?: boolean; items?: number }
  | { ok: false; problem: BridgeProblem; error: string };

/** The fetch limits command probes use: the runtime's bridge options, so tests and intranets allow the same. */
export function probeOptionsFor(bridges: BridgeRuntimeOptions | undefined): BridgeFetchOptions {
  return {
    ...DEFAULT_FETCH_OPTIONS,
    ...bridges?.fetch,
    allowPrivate: bridges?.allowPrivateNetworks ?? false,
  };
}

const refuse = (problem: BridgeProblem): BridgeChange => ({
  ok: false,
  problem,
  error: formatBridgeOutcome({ kind: 'problem', problem }, { locale: 'en', channels: [] }),
});

/** `/ward bridge add`: validates source, channel and settings, then subscribes (learning phase first). Idempotent. */
export async function addBridge(
  deps: BridgeCommandDeps,
  input: {
    source: string;
    channel: string;
    settings?: Record<string, unknown>;
    actor: string;
    workspaceId?: string;
    /** The platform the command came from: a channel named by name is looked for there first. */
    platform?: Platform;
    /** Fetch the source once before subscribing (when the deps carry probe limits); refuse what cannot be read. */
    probe?: boolean;
  },
): Promise<BridgeChange> {
  const target = parseSourceSpec(input.source);
  if ('error' in target) return refuse({ code: 'bad_source', detail: target.error });
  const config = deps.community.current;
  const own = input.platform
    ? resolveChannel(
        { ...config, channels: config.channels.filter((c) => c.platform === input.platform) },
        input.channel,
      )
    : undefined;
  const channel = own ?? resolveChannel(config, input.channel);
  if (!channel) return refuse({ code: 'unknown_channel', detail: input.channel });
  const parsed = zBridgeSettings.safeParse(input.settings ?? {});
  if (!parsed.success)
    return refuse({
      code: 'bad_settings',
      detail: parsed.error.issues.map((i) => i.path.join('.')).join(', '),
    });
  if (parsed.data.filters.regex) {
    try {
      RE2JS.compile(parsed.data.filters.regex);
    } catch {
      return refuse({ code: 'bad_regex' });
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
  // Last, so a typo in the channel or an option costs no request to someone else's server.
  const probed = input.probe && deps.probe ? await probeSource(target, deps.probe) : null;
  if (probed && 'code' in probed) return refuse(probed);
  // A workspace id only means something on the platform it came from.
  const sameWorkspace = input.workspaceId && (!input.platform || input.platform === channel.platform);
  const subscription = await insertSubscription(deps.db, {
    ...key,
    targetWorkspaceId: sameWorkspace ? input.workspaceId! : '*',
    settings: parsed.data,
    origin: 'command',
    createdBy: input.actor,
  });
  await auditBridge(deps, input.actor, 'bridge_added', subscription.id, {});
  await deps.onChange?.();
  return { ok: true, subscription, ...(probed ? { items: probed.items } : {}) };
}

/** `/ward bridge list`: the community's bridges, removed ones left out. */
export async function listBridges(deps: BridgeCommandDeps): Promise<BridgeSubscriptionRow[]> {
  return listSubscriptions(deps.db, deps.community.id);
}

/** A full subscription id. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A live bridge of this community by full id or by an unambiguous id prefix (at least 6 characters, as listed). */
async function findBridge(
  deps: BridgeCommandDeps,
  ref: string,
): Promise<BridgeSubscriptionRow | BridgeProblem> {
  const id = ref.trim().toLowerCase();
  if (UUID.test(id)) {
    const sub = await getSubscription(deps.db, id);
    return sub && sub.communityId === deps.community.id && sub.state !== 'removed'
      ? sub
      : { code: 'no_bridge', detail: ref };
  }
  if (!/^[0-9a-f-]{6,36}$/.test(id)) return { code: 'no_bridge', detail: ref };
  const matches = (await listBridges(deps)).filter((s) => s.id.startsWith(id));
  if (matches.length > 1) return { code: 'ambiguous_id', detail: ref };
  return matches[0] ?? { code: 'no_bridge', detail: ref };
}

async function change(
  deps: BridgeCommandDeps,
  ref: string,
  actor: string,
  action: 'bridge_paused' | 'bridge_resumed' | 'bridge_removed',
  patch: (sub: BridgeSubscriptionRow) => Promise<Partial<BridgeSubscriptionRow> | BridgeProblem>,
): Promise<BridgeChange> {
  const sub = await findBridge(deps, ref);
  if ('code' in sub) return refuse(sub);
  const update = await patch(sub);
  if ('code' in update) return refuse(update);
  await updateSubscription(deps.db, sub.id, update);
  await auditBridge(deps, actor, action, sub.id, {});
  await deps.onChange?.();
  return { ok: true, subscription: (await getSubscription(deps.db, sub.id)) ?? sub };
}

// The config sync owns config-declared bridges: removing one, or resuming one the config pauses, would be undone.
const ownedByConfig = (sub: BridgeSubscriptionRow): BridgeProblem => ({
  code: 'config_bridge',
  detail: sub.id,
});

/** `/ward bridge pause <id>`: stops polling; nothing is lost. */
export function pauseBridge(deps: BridgeCommandDeps, id: string, actor: string): Promise<BridgeChange> {
  return change(deps, id, actor, 'bridge_paused', async () => ({
    state: 'paused',
    pausedReason: 'moderator',
  }));
}

/** `/ward bridge resume <id>`: polls again, failures forgotten; a bridge that never learned its source learns first. */
export function resumeBridge(deps: BridgeCommandDeps, id: string, actor: string): Promise<BridgeChange> {
  return change(deps, id, actor, 'bridge_resumed', async (sub) =>
    sub.pausedReason === 'config'
      ? ownedByConfig(sub)
      : {
          state: (await hasItems(deps.db, sub.id)) ? 'active' : 'learning',
          pausedReason: null,
          consecutiveFailures: 0,
          nextPollAfter: null,
        },
  );
}

/** `/ward bridge remove <id>`: stops for good; its seen items stay, so a later re-add does not repost them. */
export function removeBridge(deps: BridgeCommandDeps, id: string, actor: string): Promise<BridgeChange> {
  return change(deps, id, actor, 'bridge_removed', async (sub) =>
    sub.origin === 'config' ? ownedByConfig(sub) : { state: 'removed' },
  );
}

/** Appends a bridge entry to the audit log (codes in `detail`, never text). */
export async function auditBridge(
  deps: BridgeCommandDeps,
  actor: string,
  action: string,
  id: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await deps.db.transaction((tx) =>
    appendAudit(tx, [
      { communityId: deps.community.id, actor, action, subjectType: 'bridge', subjectId: id, detail },
    ]),
  );
}
