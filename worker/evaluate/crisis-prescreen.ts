import type { ChannelConfig } from '../../policies/core/community-config.ts';
import { runPolicies } from '../../policies/core/run-policies.ts';
import { availablePolicies } from '../../policies/index.ts';
import type { IncomingMessage } from '../../bots/contract.ts';
import type { CommunityState } from '../community.ts';
import { MAX_EVALUATED_CHARS } from '../text-limits.ts';
import { buildPolicyContext } from './build-context.ts';

/**
 * Runs only the crisis-tier policies on an incoming message so that a possible crisis is evaluated ahead of any
 * backlog. Pure and in memory; the full evaluation still decides. Never throws: a failure means "not urgent here".
 */
export function suspectsCrisis(
  community: CommunityState,
  channel: ChannelConfig,
  msg: IncomingMessage,
  text: string,
): boolean {
  try {
    const message = {
      id: 'prescreen',
      platform: msg.platform,
      workspaceId: msg.workspaceId,
      channelId: msg.channelId,
      threadId: msg.threadId,
      platformMessageId: msg.platformMessageId,
      author: msg.author,
      space: channel.space,
      text: text.slice(0, MAX_EVALUATED_CHARS),
      sentAt: msg.sentAt,
      editOf: null,
      locale: msg.locale,
    };
    const ctx = buildPolicyContext(message, msg.sentAt, community.current.community.locale);
    const result = runPolicies(availablePolicies, community.current, channel, ctx, { tier: 'crisis' });
    return result.decision.verdict !== 'allow';
  } catch {
    return false;
  }
}
