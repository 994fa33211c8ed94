import { Capabilities, probeWithScenarios } from '../capabilities.ts';
import { labelMappingFor } from '../mappings/labels.ts';
import { loadExport } from '../load-module.ts';
import { loadPolicyHarness, type PolicyHarness } from '../policy-harness.ts';
import type { LabelsRecord } from '../records.ts';
import { formatTable, printMetrics, printSection } from '../report.ts';
import {
  averagePrecision,
  type Counts,
  countBinary,
  detection,
  type Metrics,
  zeroCounts,
} from '../score-counts.ts';
import { type KindRunner, notCovered } from './types.ts';

/** A detector's graded scores per finding code for one text (never acted on; only for ranking). */
export type SoftScorer = (text: string) => Readonly<Record<string, number>>;

/** Modules that export `softScores(text: NormalizedText)`: graded evidence Ward does not act on (eval/README.md). */
const SOFT_SCORE_MODULES = ['policies/safety/crisis-score.ts', 'policies/boundaries/soft-scores.ts'];

/** Loads every soft scorer that exists, as one function over raw text (normalized once). */
export async function loadSoftScorer(): Promise<SoftScorer | null> {
  const normalize = await loadExport<(t: string) => unknown>('policies/detect/normalize.ts', 'normalizeText');
  if (!normalize.ok) return null;
  const scorers: ((t: unknown) => Record<string, number>)[] = [];
  for (const file of SOFT_SCORE_MODULES) {
    const m = await loadExport<(t: unknown) => Record<string, number>>(file, 'softScores');
    if (m.ok) scorers.push(m.value);
  }
  if (!scorers.length) return null;
  return (text) => {
    const normalized = normalize.value(text);
    const out: Record<string, number> = {};
    for (const score of scorers) {
      for (const [code, v] of Object.entries(score(normalized))) out[code] = Math.max(out[code] ?? 0, v);
    }
    return out;
  };
}

/** Per-label counts of a labels run. */
export interface LabelTally {
  counts: Counts;
  tn: number;
  scored: { score: number; positive: boolean }[];
  byFunctionality: Map<string, { correct: number; total: number }>;
}

/** Everything a labels run measured. */
export interface LabelScores {
  ms: number;
  tallies: Map<string, LabelTally>;
  caps: Capabilities;
  withConfidence: boolean;
}

/** Runs the harness on every text (a member in a peer-support channel) and tallies mapped labels. */
export function scoreLabels(
  records: readonly LabelsRecord[],
  mapping: Readonly<Record<string, readonly string[]>>,
  harness: PolicyHarness,
  soft: SoftScorer | null = null,
): LabelScores {
  const caps = new Capabilities();
  caps.declare(harness);
  const tallies = new Map<string, LabelTally>();
  let withConfidence = soft !== null;
  let ms = 0;
  for (const r of records) {
    const started = performance.now();
    const decision = harness.run({
      id: r.id,
      text: r.text,
      space: 'peer_support',
      role: 'member',
      lang: 'en',
    }).decision;
    ms += performance.now() - started;
    caps.observe(decision);
    const graded = soft ? soft(r.text) : {};
    const functionality = typeof r.meta?.functionality === 'string' ? r.meta.functionality : null;
    for (const [label, codes] of Object.entries(mapping)) {
      const truth = r.labels[label];
      if (truth === undefined) continue;
      const hits = decision.findings.filter((f) => codes.includes(f.code));
      if (hits.some((f) => typeof f.confidence === 'number')) withConfidence = true;
      const predicted = hits.length > 0;
      const t: LabelTally = tallies.get(label) ?? {
        counts: zeroCounts(),
        tn: 0,
        scored: [],
        byFunctionality: new Map(),
      };
      countBinary(t.counts, truth === 1, predicted);
      if (truth === 0 && !predicted) t.tn++;
      // Findings rank by their confidence; messages Ward does not act on rank by the detectors' soft scores.
      const acted = hits.reduce((s, f) => Math.max(s, f.confidence ?? 1), 0);
      const softest = codes.reduce((s, c) => Math.max(s, graded[c] ?? 0), 0);
      t.scored.push({ score: predicted ? acted : softest, positive: truth === 1 });
      if (functionality) {
        const f = t.byFunctionality.get(functionality) ?? { correct: 0, total: 0 };
        f.total++;
        if ((truth === 1) === predicted) f.correct++;
        t.byFunctionality.set(functionality, f);
      }
      tallies.set(label, t);
    }
  }
  return { ms, tallies, caps, withConfidence };
}

/** `label.<name>` metrics for the labels whose codes Ward can emit; AUPRC when findings carried confidences. */
export function labelMetrics(s: LabelScores, mapping: Readonly<Record<string, readonly string[]>>): Metrics {
  const metrics: Metrics = {};
  for (const [label, t] of s.tallies) {
    if (!(mapping[label] ?? []).some((c) => s.caps.has(c))) continue;
    metrics[`label.${label}`] = {
      ...detection(t.counts),
      ...(s.withConfidence ? { auprc: averagePrecision(t.scored) } : {}),
    };
  }
  return metrics;
}

/** labels: the whole registry per text, findings mapped to the data set's labels (eval/README.md). */
export const runLabels: KindRunner = async (ds, options) => {
  const harness = await loadPolicyHarness(options.policy);
  if (!harness.ok) return notCovered('labels', harness.reason);
  const mapping = labelMappingFor(ds.name);
  const records = ds.records as LabelsRecord[];
  const s = scoreLabels(records, mapping, harness.value, await loadSoftScorer());
  // The data set's own texts may never trigger a policy that exists; the scenario suite exercises them all.
  probeWithScenarios(harness.value, s.caps, ds.file);
  const metrics = labelMetrics(s, mapping);
  printMetrics(`Labels (${ds.name})`, metrics);
  const shown = [...s.tallies].filter(([l]) => `label.${l}` in metrics);
  const rows = shown.map(([l, t]) => [l, t.counts.tp, t.counts.fp, t.counts.fn, t.tn]);
  if (rows.length) printSection('Confusion per label', formatTable(['label', 'tp', 'fp', 'fn', 'tn'], rows));
  for (const [label, t] of shown) printFunctionalities(label, t);
  const skipped = [...s.tallies.keys()].filter((l) => !(`label.${l}` in metrics));
  if (skipped.length)
    console.log(`\nno registered policy emits the codes for: ${skipped.join(', ')} (left out)`);
  const unmapped = [...new Set(records.flatMap((r) => Object.keys(r.labels)))].filter((l) => !(l in mapping));
  if (unmapped.length) console.log(`labels Ward does not predict: ${unmapped.sort().join(', ')}`);
  return { ms: s.ms, metrics };
};

function printFunctionalities(label: string, t: LabelTally): void {
  if (!t.byFunctionality.size) return;
  const rows = [...t.byFunctionality]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([f, c]) => [f, c.correct, c.total, (c.correct / c.total).toFixed(3)]);
  printSection(
    `${label}: accuracy per functionality`,
    formatTable(['functionality', 'correct', 'total', 'accuracy'], rows),
  );
}
