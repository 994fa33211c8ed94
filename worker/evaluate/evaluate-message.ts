import type { Logger } from 'pino';
import type { Db } from '../../db/client.ts';
import type { DataCipher } from '../../db/crypto.ts';
import { crisisAlreadyHandled, loadForEvaluation } from '../../db/repositories/decisions.ts';
import { effectsFor } from '../../db/repositories/effects.ts';
import type { PolicyTier } from '../../policies/core/define-policy.ts';
import { runPolicies } from '../../policies/core/run-policies.ts';
import type { Platform } from '../../policies/core/types.ts';
import { availablePolicies } from '../../policies/index.ts';
import type { CommunityState } from '../community.ts';
import { ErrorCode, UnrecoverableWardError } from '../errors.ts';
import type { WardQueues } from '../queues.ts';
import { MAX_EVALUATED_CHARS } from '../text-limits.ts';
import { slaDelayMs } from '../moderation/sla.ts';
import { buildPolicyContext } from './build-context.ts';
import { toChatMessage } from './to-chat-message.ts';
import { type DecisionWrite, isQuiet, persistDecisions } from './persist-decision.ts';
import { planEffects } from './plan-effects.ts';
import { redactedCopyFor } from './redacted-copy.ts';
import { standardWriteSteps } from './write-steps.ts';
import { enqueueReviewIfUncertain } from '../review/enqueue-review.ts';

/** What evaluation needs. */
export interface EvaluateDeps {
  db: Db;
  cipher: DataCipher;
  queues: WardQueues;
  community: CommunityState;
  log: Logger;
  now?: () => Date;
  /** Told when a tier's effects are enqueued (the crisis bench measures this). */
  onEffects?: (messageId: string, tier: PolicyTier, count: number) => void;
  /** True when a language-model review worker is configured (worker/review). */
  reviewEnabled?: boolean;
}

/** Evaluates one stored message: crisis tier first (its effects enqueued at once), then every other policy. */
export async function evaluateMessage(
  deps: EvaluateDeps,
  messageId: string,
): Promise<'evaluated' | 'skipped'> {
  const loaded = await loadForEvaluation(deps.db, messageId);
  if (!loaded) throw new UnrecoverableWardError(ErrorCode.MessageNotFound, `message ${messageId} not found`);
  const row = loaded.message;
  if (row.status === 'deleted' || !row.textCipher) return 'skipped';
  const done = new Set(loaded.tiers);
  if (done.has('crisis') && done.has('standard')) {
    await requeuePending(deps, messageId);
    return 'skipped';
  }
  const fullText = deps.cipher.decrypt(row.textCipher);
  const oversized = fullText.length > MAX_EVALUATED_CHARS;
  const message = toChatMessage(row, oversized ? fullText.slice(0, MAX_EVALUATED_CHARS) : fullText);
  const config = deps.community.current;
  const channel = deps.community.channel(message.platform, message.channelId);
  const ctx = buildPolicyContext(message, deps.now?.() ?? new Date(), config.community.locale);
  const redactedCipher = deps.cipher.encrypt(redactedCopyFor(ctx, fullText));

  let pending: DecisionWrite[] = [];
  for (const tier of ['crisis', 'standard'] as PolicyTier[]) {
    if (done.has(tier)) continue;
    const result = runPolicies(availablePolicies, config, channel, ctx, { tier });
    if (tier === 'standard' && oversized) addOversizedHold(result);
    const crisis = tier === 'crisis';
    // An edit of a message whose crisis was already answered records the decision but does not message again.
    const repeat =
      crisis &&
      result.decision.verdict !== 'allow' &&
      row.editOf &&
      (await crisisAlreadyHandled(deps.db, row.editOf, row.id));
    const plan = repeat
      ? { effects: [], escalation: null }
      : planEffects({ platform: message.platform, decision: result.decision, config, crisis });
    const write: DecisionWrite = {
      communityId: row.communityId,
      messageId,
      authorId: row.authorId,
      tier,
      result,
      plan,
      redactedCipher,
      evaluated: tier === 'standard',
      ...(tier === 'standard' ? standardWriteSteps(row, message, config, channel, result, ctx.now) : {}),
    };
    // A quiet crisis tier is written together with the standard tier; a crisis that acts is written and enqueued now.
    if (tier === 'crisis' && isQuiet(write)) {
      pending.push(write);
      continue;
    }
    const { effects, escalation } = await persistDecisions(deps.db, [...pending, write]);
    pending = [];
    if (effects.length) {
      await deps.queues.enqueueDeliver(
        effects.map((e) => ({ id: e.id, platform: e.platform as Platform, priority: e.priority })),
      );
      for (const e of effects) {
        if ((e.kind === 'post_card' || e.kind === 'update_card') && e.escalationId && escalation) {
          await deps.queues.scheduleSla(
            e.escalationId,
            escalation.priority,
            slaDelayMs(config, escalation.priority),
          );
        }
      }
      deps.onEffects?.(messageId, tier, effects.length);
    }
    // After the rules have acted: an uncertain message gets a second-opinion job (never throws, never delays effects).
    if (tier === 'standard') await enqueueReviewIfUncertain(deps, messageId, ctx, result);
  }
  if (pending.length) await persistDecisions(deps.db, pending);
  return 'evaluated';
}

// Text past the evaluated limit was never checked: a person must look before it is shown.
function addOversizedHold(result: ReturnType<typeof runPolicies>): void {
  const d = {
    policy: 'input_limits',
    verdict: 'hold' as const,
    shadow: false,
    findings: [{ code: 'input.oversized', severity: 'medium' as const }],
    actions: [],
  };
  result.decisions.push(d);
  result.decision.findings.push({ ...d.findings[0]!, policy: d.policy });
  if (result.decision.verdict === 'allow' || result.decision.verdict === 'flag')
    result.decision.verdict = 'hold';
  if (!result.decision.actions.some((a) => a.kind === 'escalate')) {
    result.decision.actions.push({
      kind: 'escalate',
      priority: 'routine',
      reason: 'message longer than Ward checks; please review',
    });
  }
}

async function requeuePending(deps: EvaluateDeps, messageId: string): Promise<void> {
  const pending = (await effectsFor(deps.db, messageId)).filter(
    (e) => e.state === 'pending' || e.state === 'queued',
  );
  if (pending.length) {
    await deps.queues.enqueueDeliver(
      pending.map((e) => ({ id: e.id, platform: e.platform as Platform, priority: e.priority })),
    );
  }
}
