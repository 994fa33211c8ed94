import { normalizeText } from '../../policies/detect/normalize.ts';
import { loadDetectConcepts } from '../clinical-loader.ts';
import { loadPolicyHarness } from '../policy-harness.ts';
import type { EntitiesRecord } from '../records.ts';
import { printConfusion, printMetrics } from '../report.ts';
import { detection, hasEvidence, type Metrics, zeroCounts } from '../score-counts.ts';
import { addConfusion, addSpanCounts, emptySpanCounts, type Span } from '../score-spans.ts';
import { type KindRunner, notCovered } from './types.ts';

/**
 * Ward concept kind → entities data set type. Only conditions: the disease corpora do not annotate
 * medicines, so mapping `medication` to CHEMICAL would score correct tags as false positives there.
 */
export const CONCEPT_KIND_TO_ENTITY: Readonly<Record<string, string>> = { condition: 'DISEASE' };

type Predict = (text: string) => Span[];

async function loadPredictor(
  policy?: string,
): Promise<{ ok: true; value: Predict } | { ok: false; reason: string }> {
  const toSpans = (mentions: readonly { kind: string; span: [number, number] }[]): Span[] =>
    mentions.flatMap((m) => {
      const type = CONCEPT_KIND_TO_ENTITY[m.kind];
      return type ? [{ start: m.span[0], end: m.span[1], type }] : [];
    });
  if (policy) {
    const harness = await loadPolicyHarness(policy);
    if (!harness.ok) return harness;
    return {
      ok: true,
      value: (text) =>
        toSpans(
          harness.value
            .run({ id: 'eval', text, space: 'general', role: 'member', lang: 'en' })
            .decision.actions.flatMap((a) => (a.kind === 'tag' ? a.concepts : [])),
        ),
    };
  }
  const detect = await loadDetectConcepts();
  if (!detect.ok) return detect;
  return { ok: true, value: (text) => toSpans(detect.value(normalizeText(text), 'en')) };
}

/** entities: clinical concept spans against gold entities, exact and overlap per type. */
export const runEntities: KindRunner = async (ds, options) => {
  const predictor = await loadPredictor(options.policy);
  if (!predictor.ok) return notCovered('entities', predictor.reason);
  const records = ds.records as EntitiesRecord[];
  const exact = emptySpanCounts();
  const overlap = emptySpanCounts();
  const confusion = new Map<string, Map<string, number>>();
  const produced = new Set<string>();
  let ms = 0;
  for (const r of records) {
    const started = performance.now();
    const pred = predictor.value(r.text);
    ms += performance.now() - started;
    for (const s of pred) produced.add(s.type);
    addSpanCounts(exact, r.entities, pred, 'exact');
    addSpanCounts(overlap, r.entities, pred, 'overlap');
    addConfusion(confusion, r.entities, pred);
  }
  const metrics: Metrics = {
    'entity.overall.exact': detection(exact.overall),
    'entity.overall.overlap': detection(overlap.overall),
  };
  // Per-type keys only for types some Ward concept kind maps onto.
  const types = new Set(Object.values(CONCEPT_KIND_TO_ENTITY));
  for (const t of [...types].sort()) {
    const e = exact.byType.get(t) ?? zeroCounts();
    const o = overlap.byType.get(t) ?? zeroCounts();
    if (hasEvidence(e)) metrics[`entity.${t}.exact`] = detection(e);
    if (hasEvidence(o)) metrics[`entity.${t}.overlap`] = detection(o);
  }
  printMetrics('Entities (exact = same start, end and type; overlap = any overlap, same type)', metrics);
  console.log(`\ntypes produced in this run: ${[...produced].sort().join(', ') || 'none'}`);
  printConfusion('Confusion (gold type × overlapping predicted type)', confusion);
  return { ms, metrics };
};
