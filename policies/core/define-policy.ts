import type { z } from 'zod';
import type { ChatMessage, Decision, Verdict } from './types.ts';
import type { NormalizedText } from '../detect/normalize.ts';

/** Everything a policy may look at: the message, its normalized text, time and a per-message memo. */
export interface PolicyContext {
  message: ChatMessage;
  /** Normalized view of the text (zero-width, homoglyph and spacing evasions undone) with an offset map back. */
  text: NormalizedText;
  /** Evaluation time; policies never read the clock themselves. */
  now: Date;
  /** Locale used for replies and lexicons, e.g. `nl-NL`; falls back to the community's. */
  locale: string;
  /** Memoizes a detector's result for this message so that several policies share one run. */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * What the runner does when `evaluate` throws.
 * `escalate`: flag and escalate urgently (fail closed). `hold`: hold and escalate (fail closed, stricter).
 * `ignore`: record the error and allow (only for non-safety policies).
 */
export type FailMode = 'escalate' | 'hold' | 'ignore';

/** Crisis-tier policies run first; their effects are enqueued before the rest of the pipeline finishes. */
export type PolicyTier = 'crisis' | 'standard';

/** A policy: pure, deterministic, returns a Decision as data or null when nothing applies. */
export interface Policy<S extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  failMode: FailMode;
  tier: PolicyTier;
  configSchema: S;
  evaluate(ctx: PolicyContext, config: z.output<S>): Decision | null;
}

/** Input to definePolicy; `tier` defaults to standard. */
export interface PolicyDefinition<S extends z.ZodType> {
  name: string;
  description: string;
  failMode: FailMode;
  tier?: PolicyTier;
  configSchema: S;
  evaluate(ctx: PolicyContext, config: z.output<S>): Decision | null;
}

const POLICY_NAME = /^[a-z][a-z0-9_]*$/;

/** Declares a policy; the name is its stable config key, db value and /explain label. */
export function definePolicy<S extends z.ZodType>(def: PolicyDefinition<S>): Policy<S> {
  if (!POLICY_NAME.test(def.name)) throw new Error(`policy name must be snake_case: ${def.name}`);
  return { tier: 'standard', ...def };
}

/** Builds a Decision for `policy`, so policies don't repeat the object shape. */
export function decide(
  policy: string,
  verdict: Verdict,
  parts: Partial<Omit<Decision, 'policy' | 'verdict'>>,
): Decision {
  return { policy, verdict, findings: parts.findings ?? [], actions: parts.actions ?? [] };
}
