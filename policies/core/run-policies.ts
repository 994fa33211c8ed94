import type { Policy, PolicyContext, PolicyTier } from './define-policy.ts';
import { type MergedDecision, mergeDecisions } from './merge-decisions.ts';
import type { ChannelConfig, CommunityConfig } from './community-config.ts';
import { resolvePolicySettings } from './community-config.ts';
import type { Decision } from './types.ts';

/** How one policy fared on one message. */
export type OutcomeStatus = 'matched' | 'no_match' | 'disabled' | 'error';

/** A policy's recorded outcome: enough to explain any decision later, never any text. */
export interface PolicyOutcome {
  policy: string;
  status: OutcomeStatus;
  shadow: boolean;
  ms: number;
  /** Error class name only; error messages may quote input and are never recorded. */
  error?: string;
}

/** The result of running the registry on a message. */
export interface RunResult {
  /** Merged decision of the acting (non-shadow) policies. */
  decision: MergedDecision;
  /** Every matched decision, shadow ones included. */
  decisions: (Decision & { shadow: boolean })[];
  outcomes: PolicyOutcome[];
}

/** Options for runPolicies. */
export interface RunOptions {
  /** Only run policies of this tier. */
  tier?: PolicyTier;
  /** Timer used for outcome timing (measurement only; never affects a decision). */
  clock?: () => number;
}

/** Runs every registered policy for the message's channel and records an outcome for each. */
export function runPolicies(
  registry: Readonly<Record<string, Policy>>,
  config: CommunityConfig,
  channel: ChannelConfig | undefined,
  ctx: PolicyContext,
  options: RunOptions = {},
): RunResult {
  const clock = options.clock ?? (() => performance.now());
  const outcomes: PolicyOutcome[] = [];
  const decisions: (Decision & { shadow: boolean })[] = [];
  for (const policy of Object.values(registry)) {
    if (options.tier && policy.tier !== options.tier) continue;
    const settings = resolvePolicySettings(config, channel, policy.name);
    if (!settings.enabled) {
      outcomes.push({ policy: policy.name, status: 'disabled', shadow: settings.shadow, ms: 0 });
      continue;
    }
    const started = clock();
    try {
      const parsed = policy.configSchema.parse(settings.settings ?? {});
      const d = policy.evaluate(ctx, parsed);
      const ms = clock() - started;
      outcomes.push({ policy: policy.name, status: d ? 'matched' : 'no_match', shadow: settings.shadow, ms });
      if (d) decisions.push({ ...d, policy: policy.name, shadow: settings.shadow });
    } catch (err) {
      const ms = clock() - started;
      const error = err instanceof Error ? err.name : 'Error';
      outcomes.push({ policy: policy.name, status: 'error', shadow: settings.shadow, ms, error });
      const failed = failClosedDecision(policy);
      if (failed) decisions.push({ ...failed, shadow: settings.shadow });
    }
  }
  const decision = mergeDecisions(decisions.filter((d) => !d.shadow));
  return { decision, decisions, outcomes };
}

/** The decision a throwing policy turns into, by its failMode. */
function failClosedDecision(policy: Policy): Decision | null {
  if (policy.failMode === 'ignore') return null;
  const reason = `policy ${policy.name} failed; a person must check this message`;
  return {
    policy: policy.name,
    verdict: policy.failMode === 'hold' ? 'hold' : 'flag',
    findings: [{ code: 'policy_error', severity: 'high' }],
    actions: [
      ...(policy.failMode === 'hold' ? [{ kind: 'hold' as const }] : []),
      { kind: 'escalate', priority: 'urgent', reason },
    ],
  };
}
