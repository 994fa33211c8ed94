import type { Db } from '../../db/client.ts';
import type { DataCipher } from '../../db/crypto.ts';
import { getMessage } from '../../db/repositories/messages.ts';
import { runPolicies } from '../../policies/core/run-policies.ts';
import { availablePolicies } from '../../policies/index.ts';
import type { CommunityState } from '../community.ts';
import { buildPolicyContext } from '../evaluate/build-context.ts';
import { toChatMessage } from '../evaluate/to-chat-message.ts';
import { type EffectPlan, planEffects } from '../evaluate/plan-effects.ts';
import { redactedCopyFor } from '../evaluate/redacted-copy.ts';
import { reviewCallsFor } from '../../db/repositories/review-calls.ts';
import { formatReviewCalls } from '../review/explain-lines.ts';

/** A dry run of the whole pipeline on a stored message: every policy's outcome and what would be done. */
export interface ExplainReport {
  messageId: string;
  redacted: string;
  verdict: string;
  policies: {
    policy: string;
    status: string;
    shadow: boolean;
    ms: number;
    codes: string[];
    error?: string;
  }[];
  wouldDo: { kind: string; detail: string }[];
  escalation: EffectPlan['escalation'];
  /** Language-model reviews recorded for this message (ids, outcome, tokens; no text). */
  reviews: string[];
}

/**
 * The SimulatedExecutor: runs the current config's policies on the stored original (decrypted in memory only)
 * and plans effects without writing or delivering anything.
 */
export async function explainMessage(
  deps: { db: Db; cipher: DataCipher; community: CommunityState },
  messageId: string,
  now = new Date(),
): Promise<ExplainReport | null> {
  const row = await getMessage(deps.db, messageId).catch(() => undefined);
  if (!row?.textCipher || row.communityId !== deps.community.id) return null;
  const text = deps.cipher.decrypt(row.textCipher);
  const config = deps.community.current;
  const message = toChatMessage(row, text);
  const ctx = buildPolicyContext(message, now, config.community.locale);
  const result = runPolicies(
    availablePolicies,
    config,
    deps.community.channel(message.platform, message.channelId),
    ctx,
  );
  const plan = planEffects({ platform: message.platform, decision: result.decision, config, crisis: false });
  return {
    messageId,
    redacted: redactedCopyFor(ctx, text),
    verdict: result.decision.verdict,
    policies: result.outcomes.map((o) => ({
      ...o,
      ms: Math.round(o.ms * 1000) / 1000,
      codes: [
        ...new Set(result.decisions.find((d) => d.policy === o.policy)?.findings.map((f) => f.code) ?? []),
      ],
    })),
    wouldDo: plan.effects.map((e) => ({
      kind: e.kind,
      detail: String((e.payload as { template?: string }).template ?? ''),
    })),
    escalation: plan.escalation,
    reviews: formatReviewCalls(await reviewCallsFor(deps.db, messageId)),
  };
}

/** Plain-text rendering of an explain report for chat (redacted text only). */
export function formatExplain(r: ExplainReport): string {
  const lines = [`Message ${r.messageId}: ${r.verdict}`, `> ${r.redacted.slice(0, 300)}`];
  for (const p of r.policies) {
    if (p.status === 'no_match') continue;
    lines.push(
      `• ${p.policy}: ${p.status}${p.shadow ? ' (shadow)' : ''}${p.codes.length ? ` — ${p.codes.join(', ')}` : ''}${p.error ? ` [${p.error}]` : ''}`,
    );
  }
  const quiet = r.policies.filter((p) => p.status === 'no_match').map((p) => p.policy);
  if (quiet.length) lines.push(`• no match: ${quiet.join(', ')}`);
  if (r.escalation)
    lines.push(
      `Escalation: ${r.escalation.priority}${r.escalation.specialty ? ` to ${r.escalation.specialty}` : ''} — ${r.escalation.reasons.join('; ')}`,
    );
  if (r.reviews.length) lines.push('Second opinions:', ...r.reviews);
  lines.push(
    r.wouldDo.length
      ? `Would do: ${r.wouldDo.map((w) => (w.detail ? `${w.kind} (${w.detail})` : w.kind)).join(', ')}`
      : 'Would do: nothing',
  );
  return lines.join('\n');
}
