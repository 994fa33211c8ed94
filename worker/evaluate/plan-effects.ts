import type { CommunityConfig } from '../../policies/core/community-config.ts';
import type { MergedDecision } from '../../policies/core/merge-decisions.ts';
import type { Action, Platform, Specialty } from '../../policies/core/types.ts';
import { PRIORITY } from '../queues.ts';

/** An effect to write to the outbox; payloads hold template names and ids, never text. */
export interface EffectDraft {
  kind:
    | 'remove'
    | 'dm_author'
    | 'reply_in_thread'
    | 'post_card'
    | 'update_card'
    | 'alert_moderators'
    | 'post_message';
  platform: Platform;
  priority: number;
  payload: Record<string, unknown>;
}

/** An escalation to open with the effects. */
export interface EscalationDraft {
  priority: 'routine' | 'urgent';
  specialty: Specialty | null;
  reasons: string[];
  findingCodes: string[];
}

/** What the executor should do for one decision. */
export interface EffectPlan {
  effects: EffectDraft[];
  escalation: EscalationDraft | null;
}

/** Where the message came from, as planning needs it. */
export interface PlanInput {
  platform: Platform;
  decision: MergedDecision;
  config: CommunityConfig;
  /** Crisis-tier plans jump every queue. */
  crisis: boolean;
}

// Crisis support first; then the offer that lets the member repost; then boundary notices.
const REPLY_PRECEDENCE = [
  'crisis_support',
  'offer_redacted_repost',
  'disclosure_self_held',
  'explain_third_party_disclosure',
];

function pickReply(actions: readonly Action[]): Extract<Action, { kind: 'reply_privately' }> | undefined {
  const replies = actions.filter(
    (a): a is Extract<Action, { kind: 'reply_privately' }> => a.kind === 'reply_privately',
  );
  const rank = (t: string) =>
    REPLY_PRECEDENCE.includes(t) ? REPLY_PRECEDENCE.indexOf(t) : REPLY_PRECEDENCE.length;
  return replies.sort((a, b) => rank(a.template) - rank(b.template))[0];
}

/** Turns a merged decision into outbox effects and at most one escalation. Pure. */
export function planEffects(input: PlanInput): EffectPlan {
  const { decision, platform, config } = input;
  const base = input.crisis ? PRIORITY.crisis : PRIORITY.normal;
  const effects: EffectDraft[] = [];
  const canActOnMessage = platform !== 'bridge';

  if (canActOnMessage && (decision.verdict === 'hold' || decision.verdict === 'remove')) {
    effects.push({ kind: 'remove', platform, priority: base, payload: { reason: decision.verdict } });
  }
  // One private message per member message, however many policies want to say something: the most important.
  const reply = pickReply(decision.actions);
  if (reply && canActOnMessage) {
    const buttons =
      reply.template === 'offer_redacted_repost'
        ? ['repost_redacted']
        : decision.verdict === 'allow' || decision.verdict === 'flag'
          ? []
          : ['appeal'];
    effects.push({
      kind: 'dm_author',
      platform,
      priority: base,
      payload: { template: reply.template, resources: reply.resources ?? [], buttons },
    });
  }
  for (const a of decision.actions) {
    if (a.kind === 'link_evidence' && canActOnMessage && a.concepts.length) {
      effects.push({
        kind: 'reply_in_thread',
        platform,
        priority: PRIORITY.normal,
        payload: { template: 'evidence_card', concepts: a.concepts },
      });
    }
  }
  const held = decision.verdict === 'hold' || decision.verdict === 'remove';
  // A bridge item is posted by Ward once the standard tier allows it; held items go to moderators instead.
  if (platform === 'bridge' && !input.crisis && !held) {
    effects.push({ kind: 'post_message', platform, priority: PRIORITY.normal, payload: {} });
  }
  const escalate =
    decision.actions.find((a) => a.kind === 'escalate') ??
    (platform === 'bridge' && held
      ? { kind: 'escalate' as const, priority: 'routine' as const, reason: 'bridge item held before posting' }
      : undefined);
  let escalation: EscalationDraft | null = null;
  if (escalate) {
    escalation = {
      priority: escalate.priority,
      specialty: escalate.specialty ?? null,
      reasons: escalate.reason.split('; ').filter(Boolean),
      findingCodes: [...new Set(decision.findings.map((f) => f.code))],
    };
    const admin = config.community.admin_channel;
    effects.push({
      kind: 'post_card',
      platform: admin.platform,
      priority: escalate.priority === 'urgent' ? Math.min(base, PRIORITY.urgent) : base,
      payload: {},
    });
  }
  return { effects, escalation };
}
