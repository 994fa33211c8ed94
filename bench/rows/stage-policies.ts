import { loadPolicyHarness } from '../../eval/policy-harness.ts';
import { measureStage, sourceNote } from '../measure-stage.ts';
import type { BenchRow } from '../types.ts';

/** `stage.policies`: the whole registry (normalize → every policy → merge) per dev scenario message. */
export const stagePoliciesRow: BenchRow = {
  name: 'stage.policies',
  async run(ctx) {
    const harness = await loadPolicyHarness();
    if (!harness.ok) return { skipped: harness.reason };
    const names = Object.keys(harness.value.registry);
    if (!names.length) return { skipped: 'the policy registry is empty' };
    const scenarios = ctx.corpus.filter((m) => m.source === 'scenarios');
    if (!scenarios.length) return { skipped: 'the dev scenario suite is not on this machine' };
    const f = measureStage(scenarios, (m) => harness.value.run(m), ctx.sizes.stageMs);
    return {
      row: { msgs_per_s: f.msgs_per_s, p99_ms: f.p99_ms },
      note: `${names.length} policies; ${sourceNote(f)}`,
    };
  },
};
