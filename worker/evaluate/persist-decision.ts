import type { Db } from '../../db/client.ts';
import type { Tx } from '../../db/repositories/executor.ts';
import { recordQuietEvaluation } from '../../db/repositories/decisions.ts';
import { type AuditEntry, appendAudit } from '../../db/repositories/audit.ts';
import { insertDecision } from '../../db/repositories/decisions.ts';
import { type EffectRow, insertEffects } from '../../db/repositories/effects.ts';
import {
  createEscalation,
  findOpenEscalationOfAuthor,
  mergeIntoEscalation,
} from '../../db/repositories/escalations.ts';

/** Escalations of one member within this window merge into one. */
export const BURST_WINDOW_MS = 10 * 60_000;
import { storeRedactedCopy } from '../../db/repositories/messages.ts';
import type { PolicyTier } from '../../policies/core/define-policy.ts';
import type { RunResult } from '../../policies/core/run-policies.ts';
import { type EvidenceLimit, throttleEvidenceCards } from './evidence-throttle.ts';
import type { EffectPlan, EscalationDraft } from './plan-effects.ts';
import { applyRepeatStep, type RepeatInput } from './repeat-step.ts';

/** Everything one tier's evaluation writes, in one transaction. */
export interface DecisionWrite {
  communityId: string;
  messageId: string;
  authorId: string;
  tier: PolicyTier;
  result: RunResult;
  plan: EffectPlan;
  /** The encrypted redacted copy, stored with the first tier so crisis cards can show it. */
  redactedCipher: Buffer;
  /** True on the last tier: marks the message evaluated. */
  evaluated: boolean;
  /** Repeat behaviour, decided in the writing transaction from the member's stored strikes. */
  repeat?: RepeatInput;
  /** Evidence cards are claimed per concept and thread in the writing transaction. */
  evidence?: EvidenceLimit;
}

/** What persisting wrote: the outbox rows and the escalation finally planned (repeat behaviour can add one). */
export interface Persisted {
  effects: EffectRow[];
  escalation: EscalationDraft | null;
}

/** True when a write records nothing but the decision itself (no findings, effects, escalation or shadow hits). */
export function isQuiet(w: DecisionWrite): boolean {
  return w.result.decisions.length === 0 && w.plan.effects.length === 0 && !w.plan.escalation;
}

/** Writes several tiers' decisions for one message: one statement when all are quiet, else one transaction. */
export async function persistDecisions(db: Db, writes: DecisionWrite[]): Promise<Persisted> {
  const last = writes[writes.length - 1]!;
  if (writes.every(isQuiet)) {
    const rows = writes.map((w) => ({
      tier: w.tier,
      verdict: w.result.decision.verdict,
      outcomes: w.result.outcomes,
      actions: w.result.decision.actions,
    }));
    if (last.evaluated) {
      await recordQuietEvaluation(db, last.messageId, last.redactedCipher, rows);
      return { effects: [], escalation: null };
    }
  }
  return db.transaction(async (tx) => {
    const out: Persisted = { effects: [], escalation: null };
    const audit: AuditEntry[] = [];
    for (const w of writes) {
      const written = await writeOne(tx, w);
      if (!written) continue;
      out.effects.push(...written.effects);
      out.escalation = written.escalation ?? out.escalation;
      audit.push(...written.audit);
    }
    // Inserted unchained and without a lock; the worker's audit chainer hashes the rows after commit.
    await appendAudit(tx, audit);
    return out;
  });
}

/**
 * Writes decision, findings, escalation and outbox effects in the caller's transaction and returns the audit entry
 * to append; null if already decided.
 */
async function writeOne(tx: Tx, w: DecisionWrite): Promise<(Persisted & { audit: AuditEntry[] }) | null> {
  const { result, plan } = w.repeat ? await applyRepeatStep(tx, w.repeat, w.result, w.plan) : w;
  {
    const decisionId = await insertDecision(tx, {
      messageId: w.messageId,
      tier: w.tier,
      verdict: result.decision.verdict,
      outcomes: result.outcomes,
      actions: result.decision.actions,
      findings: result.decisions.flatMap((d) =>
        d.findings.map((f) => ({
          policy: d.policy,
          code: f.code,
          severity: f.severity,
          span: f.span,
          confidence: f.confidence,
          shadow: d.shadow,
        })),
      ),
    });
    if (!decisionId) return null;
    let escalationId: string | null = null;
    let drafts = w.evidence
      ? await throttleEvidenceCards(tx, w.evidence, w.messageId, plan.effects)
      : plan.effects;
    if (plan.escalation) {
      // A burst from one member collapses into the open escalation it already has, with every reason kept.
      const since = new Date(Date.now() - BURST_WINDOW_MS);
      const open = await findOpenEscalationOfAuthor(tx, w.communityId, w.authorId, since);
      if (open) {
        const merged = await mergeIntoEscalation(tx, open, plan.escalation);
        escalationId = open.id;
        drafts = drafts.flatMap((d) =>
          d.kind !== 'post_card'
            ? [d]
            : merged?.cardMessageId
              ? [{ ...d, kind: 'update_card' as const }]
              : [],
        );
      } else {
        const e = await createEscalation(tx, {
          communityId: w.communityId,
          messageId: w.messageId,
          authorId: w.authorId,
          ...plan.escalation,
        });
        escalationId = e.id;
      }
    }
    const effects = await insertEffects(
      tx,
      drafts.map((e) => ({
        communityId: w.communityId,
        messageId: w.messageId,
        escalationId: e.kind === 'post_card' || e.kind === 'update_card' ? escalationId : null,
        platform: e.platform,
        kind: e.kind,
        payload: e.payload,
        priority: e.priority,
      })),
    );
    await storeRedactedCopy(tx, w.messageId, w.redactedCipher, w.evaluated);
    const audit: AuditEntry[] = [];
    if (result.decision.verdict !== 'allow' || effects.length || result.decisions.some((d) => d.shadow)) {
      audit.push({
        communityId: w.communityId,
        actor: 'ward',
        action: `decided_${w.tier}`,
        subjectType: 'message',
        subjectId: w.messageId,
        detail: {
          verdict: result.decision.verdict,
          codes: [...new Set(result.decisions.flatMap((d) => d.findings.map((f) => f.code)))],
          shadowPolicies: result.decisions.filter((d) => d.shadow).map((d) => d.policy),
          effects: effects.map((e) => e.kind),
          escalationId,
        },
      });
    }
    return { effects, escalation: plan.escalation, audit };
  }
}
