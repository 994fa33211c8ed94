import type { CommunityConfig } from '../../policies/core/community-config.ts';
import { categoryOfCode } from './opinion.ts';
import type { SoftSignal } from './soft-signals.ts';

/** Review settings of a community (`review` in the community config). */
export type ReviewSettings = CommunityConfig['review'];

/** Why a message counts as uncertain: a finding inside the confidence band, or a soft signal. */
export interface ReviewTrigger {
  kind: 'band' | 'soft_signal';
  code: string;
}

/** What the rules concluded, as uncertainty needs it. */
export interface RuleView {
  /** Acting (non-shadow) findings of every tier, with the confidence their detector reported. */
  findings: readonly { code: string; confidence?: number | undefined }[];
  /** Whether the crisis detector stood by a signal (then a soft signal is not uncertainty). */
  crisisFound: boolean;
  softSignals: readonly SoftSignal[];
}

/**
 * The triggers that make a message worth a second opinion; empty means the rules are confident and nothing is sent.
 * Identifier and disclosure findings never count: the model only sees redacted text, so it cannot judge them.
 */
export function reviewTriggers(rules: RuleView, settings: ReviewSettings): ReviewTrigger[] {
  if (!settings.enabled) return [];
  const out: ReviewTrigger[] = [];
  const { min, max } = settings.band;
  for (const f of rules.findings) {
    const category = categoryOfCode(f.code);
    if (!category || !settings.categories.includes(category) || f.confidence === undefined) continue;
    if (f.confidence >= min && f.confidence <= max) out.push({ kind: 'band', code: f.code });
  }
  if (settings.soft_signals && settings.categories.includes('crisis') && !rules.crisisFound) {
    for (const s of rules.softSignals) out.push({ kind: 'soft_signal', code: s });
  }
  return out;
}
