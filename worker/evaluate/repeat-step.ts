import type { Executor } from '../../db/repositories/executor.ts';
import { boundaryStrikesOf, lockStrikesOf, type StrikeAuthor } from '../../db/repositories/strikes.ts';
import { foldDecision, type MergedDecision } from '../../policies/core/merge-decisions.ts';
import {
  isStrikeCode,
  type RepeatSettings,
  type RepeatSubject,
  repeatDecision,
  repeatWindowMs,
} from '../../policies/core/repeat-behaviour.ts';
import type { RunResult } from '../../policies/core/run-policies.ts';
import type { EffectPlan } from './plan-effects.ts';

/** What the repeat step needs about the message being decided. */
export interface RepeatInput {
  author: StrikeAuthor;
  subject: RepeatSubject;
  settings: RepeatSettings;
  /** Plans effects again for a changed decision (planEffects with the message's platform and config). */
  replan(decision: MergedDecision): EffectPlan;
}

/** True when the repeat step can change this decision (it is enabled and the message is a boundary strike). */
export function repeatApplies(input: RepeatInput, result: RunResult): boolean {
  return input.settings.enabled && result.decision.findings.some((f) => isStrikeCode(f.code));
}

/**
 * Runs repeat behaviour in the writing transaction: locks the member's strikes, loads the earlier ones around this
 * message and folds the pure step's decision in. Returns the result and plan to write (unchanged when no repeat).
 */
export async function applyRepeatStep(
  tx: Executor,
  input: RepeatInput,
  result: RunResult,
  plan: EffectPlan,
): Promise<{ result: RunResult; plan: EffectPlan }> {
  if (!repeatApplies(input, result)) return { result, plan };
  await lockStrikesOf(tx, input.author);
  const windowMs = repeatWindowMs(input.settings);
  const at = input.subject.at.getTime();
  const history = await boundaryStrikesOf(tx, input.author, {
    from: new Date(at - windowMs),
    to: new Date(at + windowMs),
    exceptRoot: input.subject.root,
  });
  const repeat = repeatDecision(result.decision, input.subject, history, input.settings);
  if (!repeat) return { result, plan };
  const decision = foldDecision(result.decision, repeat);
  return {
    result: {
      ...result,
      decision,
      decisions: [...result.decisions, { ...repeat, shadow: false }],
      outcomes: [...result.outcomes, { policy: repeat.policy, status: 'matched', shadow: false, ms: 0 }],
    },
    plan: input.replan(decision),
  };
}
