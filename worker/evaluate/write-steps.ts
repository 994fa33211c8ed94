import type { MessageRow } from '../../db/repositories/messages.ts';
import type { ChannelConfig, CommunityConfig } from '../../policies/core/community-config.ts';
import type { MergedDecision } from '../../policies/core/merge-decisions.ts';
import type { RunResult } from '../../policies/core/run-policies.ts';
import type { ChatMessage } from '../../policies/core/types.ts';
import { type EvidenceLimit, evidenceLimitFor } from './evidence-throttle.ts';
import { planEffects } from './plan-effects.ts';
import { type RepeatInput, repeatApplies } from './repeat-step.ts';

/** The database-backed steps a standard-tier write runs in its transaction; only those this decision needs. */
export function standardWriteSteps(
  row: MessageRow,
  message: ChatMessage,
  config: CommunityConfig,
  channel: ChannelConfig | undefined,
  result: RunResult,
  now: Date,
): { repeat?: RepeatInput; evidence?: EvidenceLimit } {
  const repeat: RepeatInput = {
    author: {
      communityId: row.communityId,
      platform: row.platform,
      workspaceId: row.workspaceId,
      authorId: row.authorId,
    },
    subject: { root: row.editOf ?? row.id, at: row.sentAt },
    settings: config.repeat_behaviour,
    replan: (decision: MergedDecision) =>
      planEffects({ platform: message.platform, decision, config, crisis: false }),
  };
  const cards = result.decision.actions.some((a) => a.kind === 'link_evidence');
  return {
    ...(repeatApplies(repeat, result) ? { repeat } : {}),
    ...(cards ? { evidence: evidenceLimitFor(config, channel, message, row.communityId, now) } : {}),
  };
}
