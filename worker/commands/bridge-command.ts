import type { Platform } from '../../policies/core/types.ts';
import {
  addBridge,
  auditBridge,
  type BridgeCommandDeps,
  listBridges,
  pauseBridge,
  removeBridge,
  resumeBridge,
  UUID,
} from '../bridges/commands.ts';
import { parseBridgeCommand } from '../bridges/command-args.ts';
import type { BridgeOutcome } from './bridge-outcome.ts';
import { formatBridgeOutcome } from './bridge-replies.ts';

/** Who runs a bridge command: `id` is the audit actor (`slack:U123`, `cli`). */
export interface BridgeActor {
  id: string;
  roles: readonly string[];
  platform?: Platform;
  workspaceId?: string;
}

/**
 * Runs the words after `/ward bridge` (the CLI's grammar) for an actor: moderators only, a refusal audited with the
 * verb (never the arguments); then parse and act; `add` probes the source when the deps carry probe limits.
 * Verified clinicians are refused too: which outside sources reach members is a moderation decision.
 */
export async function executeBridgeCommand(
  deps: BridgeCommandDeps,
  text: string,
  actor: BridgeActor,
): Promise<BridgeOutcome> {
  const cmd = parseBridgeCommand(text);
  if (!actor.roles.includes('moderator')) {
    const named = 'id' in cmd && UUID.test(cmd.id) ? cmd.id.toLowerCase() : '*';
    const verb = 'verb' in cmd ? cmd.verb : 'none';
    await auditBridge(deps, actor.id, 'bridge_command_refused', named, { verb });
    return { kind: 'refused' };
  }
  if ('error' in cmd) {
    const option = /^unknown option ([^;]*);/.exec(cmd.error);
    const problem = option
      ? { code: 'unknown_option' as const, detail: option[1]! }
      : { code: 'usage' as const };
    return { kind: 'problem', problem };
  }
  if (cmd.verb === 'list') return { kind: 'list', bridges: await listBridges(deps) };
  if (cmd.verb !== 'add') {
    const run = { pause: pauseBridge, resume: resumeBridge, remove: removeBridge }[cmd.verb];
    const result = await run(deps, cmd.id, actor.id);
    return result.ok
      ? { kind: 'changed', verb: cmd.verb, subscription: result.subscription }
      : { kind: 'problem', problem: result.problem };
  }
  const result = await addBridge(deps, {
    source: cmd.source,
    channel: cmd.channel,
    settings: cmd.settings,
    actor: actor.id,
    ...(actor.workspaceId ? { workspaceId: actor.workspaceId } : {}),
    ...(actor.platform ? { platform: actor.platform } : {}),
    probe: true,
  });
  if (!result.ok) return { kind: 'problem', problem: result.problem };
  const { subscription, existed, items } = result;
  return { kind: 'added', subscription, existed: existed === true, items: items ?? null };
}

/** Runs `/ward bridge …` and words the answer in `locale`; `ok` is false for a refusal or a problem. */
export async function runBridgeCommand(
  deps: BridgeCommandDeps,
  text: string,
  actor: BridgeActor,
  locale: string,
): Promise<{ text: string; ok: boolean }> {
  const outcome = await executeBridgeCommand(deps, text, actor);
  return {
    text: formatBridgeOutcome(outcome, { locale, channels: deps.community.current.channels }),
    ok: outcome.kind !== 'refused' && outcome.kind !== 'problem',
  };
}
