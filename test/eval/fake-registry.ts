import { z } from 'zod';
import { buildCommunityConfigSchema } from '../../policies/core/community-config.ts';
import { decide, definePolicy, type Policy } from '../../policies/core/define-policy.ts';
import { createPolicyHarness } from '../../eval/policy-harness.ts';

/** A toy crisis policy: "end it" is suicide risk, escalated urgently to psychiatry. */
const ToyCrisis = definePolicy({
  name: 'toy_crisis',
  description: 'test only',
  failMode: 'escalate',
  configSchema: z.strictObject({}).default({}),
  evaluate(ctx) {
    const at = ctx.text.value.indexOf('end it');
    if (at < 0) return null;
    return decide('toy_crisis', 'flag', {
      findings: [{ code: 'crisis.suicide_risk', severity: 'critical', confidence: 0.9 }],
      actions: [{ kind: 'escalate', priority: 'urgent', specialty: 'psychiatry', reason: 'crisis' }],
    });
  },
});

/** A toy PII policy: the word "Anna" is a NAME; "asthma" is tagged as a present condition. */
const ToyPii = definePolicy({
  name: 'toy_pii',
  description: 'test only',
  failMode: 'escalate',
  configSchema: z.strictObject({}).default({}),
  evaluate(ctx) {
    const findings = [];
    const actions = [];
    const at = ctx.text.value.indexOf('Anna');
    if (at >= 0)
      findings.push({ code: 'pii.NAME', severity: 'medium' as const, span: ctx.text.toOriginal(at, at + 4) });
    const a = ctx.text.value.indexOf('asthma');
    if (a >= 0) {
      actions.push({
        kind: 'tag' as const,
        concepts: [
          {
            concept: 'asthma',
            kind: 'condition' as const,
            assertion: 'present' as const,
            span: [a, a + 6] as [number, number],
          },
        ],
      });
    }
    return findings.length || actions.length ? decide('toy_pii', 'flag', { findings, actions }) : null;
  },
});

/** A harness over the toy policies. */
export function toyHarness() {
  const registry: Record<string, Policy> = { toy_crisis: ToyCrisis, toy_pii: ToyPii };
  return createPolicyHarness(registry, buildCommunityConfigSchema(registry));
}
