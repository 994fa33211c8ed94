import { normalizeText } from '../../policies/detect/normalize.ts';
import { loadDetectConcepts, loadEvidenceFor, resourceCount } from '../clinical-loader.ts';
import type { QaRecord } from '../records.ts';
import { formatTable, printMetrics, printSection } from '../report.ts';
import { accuracy, type Metrics } from '../score-counts.ts';
import { type KindRunner, notCovered } from './types.ts';

/** qa: share of questions whose focus resolves (clinical lexicon) to a concept with at least one catalog resource. */
export const runQa: KindRunner = async (ds) => {
  const detect = await loadDetectConcepts();
  if (!detect.ok) return notCovered('qa', detect.reason);
  const evidence = await loadEvidenceFor();
  if (!evidence.ok) return notCovered('qa', evidence.reason);
  const records = ds.records as QaRecord[];
  let correct = 0;
  let resolved = 0;
  const bySource = new Map<string, { correct: number; total: number }>();
  let ms = 0;
  for (const r of records) {
    const started = performance.now();
    const concepts = r.focus ? detect.value(normalizeText(r.focus), 'en').map((m) => m.concept) : [];
    const covered = [...new Set(concepts)].some((c) => resourceCount(evidence.value(c, 'en')) > 0);
    ms += performance.now() - started;
    if (concepts.length) resolved++;
    if (covered) correct++;
    const key = r.source ?? 'unknown';
    const s = bySource.get(key) ?? { correct: 0, total: 0 };
    s.total++;
    if (covered) s.correct++;
    bySource.set(key, s);
  }
  const metrics: Metrics = { 'evidence.coverage': accuracy(correct, records.length) };
  printMetrics('Evidence coverage (focus → concept → ≥ 1 catalog resource)', metrics);
  console.log(`\nfocus resolved to a concept: ${resolved}/${records.length}`);
  const rows = [...bySource]
    .sort()
    .map(([k, v]) => [k, v.correct, v.total, (v.correct / v.total).toFixed(3)]);
  printSection('Coverage per source', formatTable(['source', 'covered', 'total', 'share'], rows));
  return { ms, metrics };
};
