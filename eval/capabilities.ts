import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MergedDecision } from '../policies/core/merge-decisions.ts';
import type { HarnessMessage, PolicyHarness } from './policy-harness.ts';
import { PROJECT_ROOT } from './load-module.ts';
import { parseJsonl } from './read-dataset.ts';
import { zScenarioRecord } from './records.ts';

/** Pseudo-codes for capabilities carried by actions rather than findings. */
export const CAP = { tag: '@tag', escalate: '@escalate', specialty: '@specialty' } as const;

/**
 * What the registered policies can produce: finding codes and action capabilities. A metric is reported
 * only when its codes are in here, so nothing is scored for a part of Ward that does not exist yet.
 */
export class Capabilities {
  private readonly seen = new Set<string>();

  /** Adds codes a policy declares (an optional `codes` array on the policy object). */
  declare(harness: PolicyHarness): void {
    for (const policy of Object.values(harness.registry)) {
      const codes = (policy as { codes?: unknown }).codes;
      if (Array.isArray(codes)) for (const c of codes) if (typeof c === 'string') this.seen.add(c);
    }
  }

  /** Records what a merged decision shows Ward can produce. */
  observe(decision: MergedDecision): void {
    for (const f of decision.findings) this.seen.add(f.code);
    for (const a of decision.actions) {
      if (a.kind === 'tag' && a.concepts.length) this.seen.add(CAP.tag);
      if (a.kind === 'escalate') {
        this.seen.add(CAP.escalate);
        if (a.specialty) this.seen.add(CAP.specialty);
      }
    }
  }

  /** True when `code` (or, ending in `.`, any code of that family) has been produced or declared. */
  has(code: string): boolean {
    if (!code.endsWith('.')) return this.seen.has(code);
    for (const c of this.seen) if (c.startsWith(code)) return true;
    return false;
  }

  /** Every known code, sorted (for the printed note). */
  list(): string[] {
    return [...this.seen].sort();
  }
}

/** Where the scenario suite lives: beside the evaluated data set's folder, else the shared data sets. */
export function scenarioSuitePath(datasetFile: string): string | null {
  const candidates = [
    path.join(path.dirname(path.dirname(path.resolve(datasetFile))), 'scenarios', 'dev.jsonl'),
    path.join(PROJECT_ROOT, '..', 'shared', 'datasets', 'scenarios', 'dev.jsonl'),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/**
 * Runs the registry over the scenario suite, which exercises every finding family, to learn which codes
 * Ward can emit; used by data sets whose own texts may not trigger a policy that does exist.
 */
export function probeWithScenarios(harness: PolicyHarness, caps: Capabilities, datasetFile: string): void {
  const file = scenarioSuitePath(datasetFile);
  if (!file) return;
  for (const { value } of parseJsonl(readFileSync(file, 'utf8'), file)) {
    const r = zScenarioRecord.safeParse(value);
    if (!r.success) continue;
    const msg: HarnessMessage = {
      id: r.data.id,
      text: r.data.text,
      space: r.data.space,
      role: r.data.author_role,
      lang: r.data.lang,
    };
    caps.observe(harness.run(msg).decision);
  }
}
