import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCommunityConfigSchema } from '../../../policies/core/community-config.ts';
import { definePolicy, type Policy } from '../../../policies/core/define-policy.ts';
import { runPolicies } from '../../../policies/core/run-policies.ts';
import { buildPolicyContext } from '../../../worker/evaluate/build-context.ts';
import { chatMessage } from '../../support/messages.ts';

const Matches = definePolicy({
  name: 'always_matches',
  description: 'test',
  failMode: 'ignore',
  configSchema: z
    .strictObject({ verdict: z.enum(['flag', 'hold']).default('flag') })
    .default({ verdict: 'flag' }),
  evaluate: (_ctx, config) => ({
    policy: 'always_matches',
    verdict: config.verdict,
    findings: [{ code: 'test.hit', severity: 'low' }],
    actions: [],
  }),
});
const Skips = definePolicy({
  name: 'never_matches',
  description: 'test',
  failMode: 'ignore',
  configSchema: z.strictObject({}).default({}),
  evaluate: () => null,
});
const Throws = (failMode: 'escalate' | 'hold' | 'ignore') =>
  definePolicy({
    name: `throws_${failMode}`,
    description: 'test',
    failMode,
    configSchema: z.strictObject({}).default({}),
    evaluate: () => {
      throw new TypeError('contains secret text');
    },
  });

function run(registry: Record<string, Policy>, configPatch: Record<string, unknown> = {}) {
  const schema = buildCommunityConfigSchema(registry);
  const config = schema.parse({
    community: { id: 'c', name: 'C', admin_channel: { platform: 'sandbox', id: 'mods' } },
    channels: [{ platform: 'sandbox', id: 'ch', space: 'peer_support' }],
    ...configPatch,
  });
  const ctx = buildPolicyContext(chatMessage('hello'), new Date(0), 'en-GB');
  return runPolicies(registry, config, config.channels[0], ctx, { clock: () => 0 });
}

describe('runPolicies', () => {
  it('records matched and no_match outcomes and merges the matched decision', () => {
    const r = run({ always_matches: Matches, never_matches: Skips });
    expect(r.outcomes.map((o) => [o.policy, o.status])).toEqual([
      ['always_matches', 'matched'],
      ['never_matches', 'no_match'],
    ]);
    expect(r.decision.verdict).toBe('flag');
  });

  it('passes validated settings to the policy', () => {
    const r = run(
      { always_matches: Matches },
      { policies: { always_matches: { settings: { verdict: 'hold' } } } },
    );
    expect(r.decision.verdict).toBe('hold');
  });

  it('records disabled policies without running them', () => {
    const r = run({ always_matches: Matches }, { policies: { always_matches: { enabled: false } } });
    expect(r.outcomes[0]?.status).toBe('disabled');
    expect(r.decision.verdict).toBe('allow');
  });

  it('keeps shadow decisions out of the acting decision but records them', () => {
    const r = run({ always_matches: Matches }, { policies: { always_matches: { shadow: true } } });
    expect(r.decision.verdict).toBe('allow');
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]?.shadow).toBe(true);
  });

  it('fails closed: a throwing escalate/hold policy escalates urgently, never allows', () => {
    const esc = run({ throws_escalate: Throws('escalate') });
    expect(esc.outcomes[0]).toMatchObject({ status: 'error', error: 'TypeError' });
    expect(esc.decision.verdict).toBe('flag');
    expect(esc.decision.actions).toContainEqual(
      expect.objectContaining({ kind: 'escalate', priority: 'urgent' }),
    );
    const hold = run({ throws_hold: Throws('hold') });
    expect(hold.decision.verdict).toBe('hold');
    expect(JSON.stringify(hold)).not.toContain('secret text');
  });

  it('records an ignore-mode error and allows', () => {
    const r = run({ throws_ignore: Throws('ignore') });
    expect(r.outcomes[0]?.status).toBe('error');
    expect(r.decision.verdict).toBe('allow');
  });

  it('rejects unknown policy names and bad settings in config with the key path', () => {
    const schema = buildCommunityConfigSchema({ always_matches: Matches });
    const bad = schema.safeParse({
      community: { id: 'c', name: 'C', admin_channel: { platform: 'sandbox', id: 'm' } },
      policies: { always_matches: { settings: { verdict: 'explode' } }, typo_policy: {} },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('policies.always_matches.settings.verdict');
    expect(paths.some((p) => p.startsWith('policies'))).toBe(true);
  });
});
