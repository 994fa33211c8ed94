import { loadExport } from '../../eval/load-module.ts';
import { localeOf } from '../../eval/policy-harness.ts';
import { type NormalizedText, normalizeText } from '../../policies/detect/normalize.ts';
import { measureStage, sourceNote } from '../measure-stage.ts';
import type { BenchRow } from '../types.ts';

type Span = { type: string; start: number; end: number };
type DetectPii = (text: NormalizedText, options?: { locale?: string }) => Span[];

/** Replaces spans with typed placeholders (`[PHONE]`), as the stored redacted copy does. */
export function redactSpans(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += `${text.slice(at, s.start)}[${s.type}]`;
    at = s.end;
  }
  return out + text.slice(at);
}

/** `stage.confidentiality`: normalize → detectPii → redacted copy, per message. */
export const stageConfidentialityRow: BenchRow = {
  name: 'stage.confidentiality',
  async run(ctx) {
    const detect = await loadExport<DetectPii>('policies/detect/pii/index.ts', 'detectPii');
    if (!detect.ok) return { skipped: detect.reason };
    const f = measureStage(
      ctx.corpus,
      (m) => redactSpans(m.text, detect.value(normalizeText(m.text), { locale: localeOf(m.lang) })),
      ctx.sizes.stageMs,
    );
    return { row: { msgs_per_s: f.msgs_per_s, p99_ms: f.p99_ms }, note: sourceNote(f) };
  },
};
