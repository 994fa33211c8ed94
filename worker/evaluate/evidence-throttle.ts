import { claimEvidenceCard } from '../../db/repositories/evidence-cards.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import {
  type ChannelConfig,
  type CommunityConfig,
  resolvePolicySettings,
} from '../../policies/core/community-config.ts';
import type { ChatMessage } from '../../policies/core/types.ts';
import { ClinicalContextPolicy } from '../../policies/evidence/clinical-context.ts';
import type { EffectDraft } from './plan-effects.ts';

/** Where and how often a message's evidence cards may be posted. */
export interface EvidenceLimit {
  communityId: string;
  threadKey: string;
  at: Date;
  windowMs: number;
  /** Cards per concept per thread per window. */
  limit: number;
}

/** The thread a card lands in: the message's thread, or its channel when it is not in one. */
export function threadKeyOf(
  message: Pick<ChatMessage, 'platform' | 'workspaceId' | 'channelId' | 'threadId'>,
) {
  return [message.platform, message.workspaceId, message.channelId, message.threadId ?? '-'].join('/');
}

/** The card limit of the message's channel (clinical_context settings: channel over community over defaults). */
export function evidenceLimitFor(
  config: CommunityConfig,
  channel: ChannelConfig | undefined,
  message: ChatMessage,
  communityId: string,
  at: Date,
): EvidenceLimit {
  const resolved = resolvePolicySettings(config, channel, ClinicalContextPolicy.name);
  const settings = ClinicalContextPolicy.configSchema.parse(resolved.settings ?? {});
  return {
    communityId,
    threadKey: threadKeyOf(message),
    at,
    windowMs: settings.per_thread_window_hours * 3_600_000,
    limit: settings.per_thread_per_day,
  };
}

/**
 * Keeps only the evidence-card concepts that still have a slot in their thread's window, claiming the slots in the
 * caller's transaction; a card left with no concept is dropped. Other effects pass through.
 */
export async function throttleEvidenceCards(
  tx: Executor,
  limit: EvidenceLimit,
  messageId: string,
  drafts: EffectDraft[],
): Promise<EffectDraft[]> {
  const out: EffectDraft[] = [];
  for (const d of drafts) {
    if (d.kind !== 'reply_in_thread' || d.payload.template !== 'evidence_card') {
      out.push(d);
      continue;
    }
    const granted: string[] = [];
    for (const concept of (d.payload.concepts as string[] | undefined) ?? []) {
      if (await claimEvidenceCard(tx, { ...limit, concept, messageId })) granted.push(concept);
    }
    if (granted.length) out.push({ ...d, payload: { ...d.payload, concepts: granted } });
  }
  return out;
}
