import { loadExport } from '../../eval/load-module.ts';
import { createPolicyHarness } from '../../eval/policy-harness.ts';
import type { CommunityConfig } from '../../policies/core/community-config.ts';
import type { Policy } from '../../policies/core/define-policy.ts';
import { measureStage, sourceNote } from '../measure-stage.ts';
import { registryEntriesIn } from '../policy-groups.ts';
import type { BenchRow } from '../types.ts';

/** Folders whose registered policies make up the crisis + boundary stage. */
export const BOUNDARY_FOLDERS = ['policies/safety', 'policies/boundaries'] as const;

/** `stage.boundaries`: every registered crisis and boundary policy together, per message. */
export const stageBoundariesRow: BenchRow = {
  name: 'stage.boundaries',
  async run(ctx) {
    const reg = await loadExport<Readonly<Record<string, Policy>>>('policies/index.ts', 'availablePolicies');
    if (!reg.ok) return { skipped: reg.reason };
    const schema = await loadExport<{ parse(v: unknown): CommunityConfig }>(
      'policies/index.ts',
      'zCommunityConfig',
    );
    if (!schema.ok) return { skipped: schema.reason };
    const group = await registryEntriesIn(reg.value, BOUNDARY_FOLDERS);
    const names = Object.keys(group);
    if (!names.length)
      return { skipped: `no registered policy lives in ${BOUNDARY_FOLDERS.join(' or ')} yet` };
    const harness = createPolicyHarness(group, schema.value);
    const f = measureStage(ctx.corpus, (m) => harness.run(m), ctx.sizes.stageMs);
    return {
      row: { msgs_per_s: f.msgs_per_s, p99_ms: f.p99_ms },
      note: `${names.join(', ')}; ${sourceNote(f)}`,
    };
  },
};
