import { Capabilities } from '../capabilities.ts';
import { loadPolicyHarness, type PolicyHarness } from '../policy-harness.ts';
import type { ScenarioRecord } from '../records.ts';
import { formatTable, printByGroup, printConfusion, printMetrics, printSection } from '../report.ts';
import type { Metrics } from '../score-counts.ts';
import { predictionOf } from './scenario-predictions.ts';
import { ScenarioTally } from './scenario-tally.ts';
import { type KindRunner, notCovered } from './types.ts';

/** Everything a scenario run measured. */
export interface ScenarioScores {
  ms: number;
  metrics: Metrics;
  all: ScenarioTally;
  byLang: Map<string, Metrics>;
  caps: Capabilities;
  errors: Map<string, number>;
}

/** Runs the harness on every record and scores the merged decisions against the labels. */
export function scoreScenarios(records: readonly ScenarioRecord[], harness: PolicyHarness): ScenarioScores {
  const caps = new Capabilities();
  caps.declare(harness);
  const all = new ScenarioTally();
  const tallies = new Map<string, ScenarioTally>();
  const errors = new Map<string, number>();
  let ms = 0;
  for (const r of records) {
    const started = performance.now();
    const result = harness.run({ id: r.id, text: r.text, space: r.space, role: r.author_role, lang: r.lang });
    ms += performance.now() - started;
    for (const o of result.outcomes)
      if (o.status === 'error') errors.set(o.policy, (errors.get(o.policy) ?? 0) + 1);
    caps.observe(result.decision);
    const p = predictionOf(result.decision);
    all.add(r, p);
    const lang = tallies.get(r.lang) ?? new ScenarioTally();
    lang.add(r, p);
    tallies.set(r.lang, lang);
  }
  const byLang = new Map<string, Metrics>([...tallies].sort().map(([l, t]) => [l, t.metrics(caps)]));
  return { ms, metrics: all.metrics(caps), all, byLang, caps, errors };
}

/** scenarios: the whole registry per message, mapped to the suite's labels, overall and per language. */
export const runScenarios: KindRunner = async (ds, options) => {
  const harness = await loadPolicyHarness(options.policy);
  if (!harness.ok) return notCovered('scenarios', harness.reason);
  const policies = Object.keys(harness.value.registry);
  if (!policies.length) return notCovered('scenarios', 'the policy registry is empty');
  const s = scoreScenarios(ds.records as ScenarioRecord[], harness.value);
  console.log(`policies run: ${policies.join(', ')}`);
  if (s.errors.size)
    console.log(`policy errors (failed closed): ${[...s.errors].map(([p, n]) => `${p}×${n}`).join(', ')}`);
  printMetrics('Scenarios (all languages)', s.metrics);
  printByGroup('Per language', s.byLang, Object.keys(s.metrics));
  printAssertionClasses(s.all);
  printConfusion('Crisis (expected × most pressing predicted)', s.all.grids.crisis);
  printConfusion('Escalation', s.all.grids.escalate);
  printConfusion('Disclosure', s.all.grids.disclosure);
  printConfusion('Assertion (concepts found in both)', s.all.grids.assertion);
  const missing = ['pii.', 'disclosure.', 'crisis.', 'boundary.'].filter((f) => !s.caps.has(f));
  if (missing.length)
    console.log(`\nno registered policy emits: ${missing.map((f) => `${f}*`).join(', ')} (left out)`);
  return { ms: s.ms, metrics: s.metrics };
};

function printAssertionClasses(t: ScenarioTally): void {
  if (!t.assertionByClass.size) return;
  const rows = [...t.assertionByClass]
    .sort()
    .map(([cls, c]) => [cls, c.correct, c.total, (c.total ? c.correct / c.total : 0).toFixed(3)]);
  printSection(
    'Assertion accuracy per expected class',
    formatTable(['assertion', 'correct', 'total', 'accuracy'], rows),
  );
}
