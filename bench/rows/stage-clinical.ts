import { type DetectConcepts, loadDetectConcepts } from '../../eval/clinical-loader.ts';
import { normalizeText } from '../../policies/detect/normalize.ts';
import { settledHeapMb } from '../gc.ts';
import { measureStage, sourceNote } from '../measure-stage.ts';
import { roundFigure } from '../stats.ts';
import type { BenchRow } from '../types.ts';

/** `stage.clinical`: detectConcepts per message, plus lexicon build time and heap (import + first call). */
export const stageClinicalRow: BenchRow = {
  name: 'stage.clinical',
  async run(ctx) {
    const heapBefore = settledHeapMb();
    const t0 = performance.now();
    const loaded = await loadDetectConcepts();
    if (!loaded.ok) return { skipped: loaded.reason };
    const detect: DetectConcepts = loaded.value;
    // Lexicons may build lazily on first use; both languages are touched so both count.
    detect(normalizeText('warm-up'), 'en');
    detect(normalizeText('opwarmen'), 'nl');
    const buildMs = performance.now() - t0;
    const heapMb = settledHeapMb() - heapBefore;
    const f = measureStage(ctx.corpus, (m) => detect(normalizeText(m.text), m.lang), ctx.sizes.stageMs);
    return {
      row: {
        msgs_per_s: f.msgs_per_s,
        p99_ms: f.p99_ms,
        build_ms: roundFigure(buildMs),
        heap_mb: roundFigure(heapMb),
      },
      note: `${sourceNote(f)} (build and heap include the module import; first if nothing imported it earlier)`,
    };
  },
};
