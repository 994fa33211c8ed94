import { SCORABLE_SPANS_TYPES, WARD_TO_SPANS_TYPE } from '../mappings/pii-types.ts';
import { loadPiiPredictor } from '../pii-predictor.ts';
import { PII_GENERAL_TYPES } from '../../policies/detect/pii/index.ts';
import type { SpansRecord } from '../records.ts';
import { printConfusion, printMetrics } from '../report.ts';
import { detection, hasEvidence, type Metrics, zeroCounts } from '../score-counts.ts';
import {
  addConfusion,
  addSpanCounts,
  addUntypedOverlap,
  emptySpanCounts,
  type Span,
} from '../score-spans.ts';
import { type KindRunner, notCovered } from './types.ts';

/** spans: PII detection against gold spans, exact and overlap per type, plus a type-agnostic covered figure. */
export const runSpans: KindRunner = async (ds, options) => {
  const predictor = await loadPiiPredictor(options.policy);
  if (!predictor.ok) return notCovered('spans', predictor.reason);
  const records = ds.records as SpansRecord[];
  const predictions: Span[][] = [];
  let unmapped = 0;
  const started = performance.now();
  for (const r of records) predictions.push(predictor.value(r.text, 'en'));
  const ms = performance.now() - started;

  const mapped = predictions.map((spans) =>
    spans.flatMap((s) => {
      const type = WARD_TO_SPANS_TYPE[s.type];
      if (!type) unmapped++;
      return type ? [{ ...s, type }] : [];
    }),
  );
  // Covered = the data set's counterparts of the types Ward detects in any text (PII_GENERAL_TYPES). Birth dates
  // are left out: Ward marks dates of birth, not every date, so the data set's DATE type is not covered.
  const covered = new Set(
    PII_GENERAL_TYPES.filter((t) => t !== 'DATE_OF_BIRTH').flatMap((t) =>
      WARD_TO_SPANS_TYPE[t] ? [WARD_TO_SPANS_TYPE[t]] : [],
    ),
  );
  const exact = emptySpanCounts();
  const overlap = emptySpanCounts();
  const coveredOverlap = zeroCounts();
  const confusion = new Map<string, Map<string, number>>();
  records.forEach((r, i) => {
    const pred = mapped[i]!;
    addSpanCounts(exact, r.spans, pred, 'exact');
    addSpanCounts(overlap, r.spans, pred, 'overlap');
    addUntypedOverlap(
      coveredOverlap,
      r.spans.filter((s) => covered.has(s.type)),
      pred.filter((s) => covered.has(s.type)),
    );
    addConfusion(confusion, r.spans, pred);
  });

  const metrics: Metrics = {
    'pii.overall.exact': detection(exact.overall),
    'pii.overall.overlap': detection(overlap.overall),
    'pii.covered.overlap': detection(coveredOverlap),
  };
  const types = [...new Set([...exact.byType.keys(), ...overlap.byType.keys()])].filter((t) =>
    SCORABLE_SPANS_TYPES.has(t),
  );
  for (const t of types.sort()) {
    const e = exact.byType.get(t) ?? zeroCounts();
    const o = overlap.byType.get(t) ?? zeroCounts();
    if (hasEvidence(e)) metrics[`pii.${t}.exact`] = detection(e);
    if (hasEvidence(o)) metrics[`pii.${t}.overlap`] = detection(o);
  }
  printMetrics('PII spans (exact = same start, end and type; overlap = any overlap, same type)', metrics);
  console.log(`\ncovered types (Ward's general PII types): ${[...covered].sort().join(', ') || 'none'}`);
  if (unmapped)
    console.log(`predictions of types with no counterpart in this data set (dropped): ${unmapped}`);
  printConfusion('Confusion (gold type × overlapping predicted type, any type)', confusion);
  return { ms, metrics };
};
