import type { NormalizedText } from '../policies/detect/normalize.ts';
import { normalizeText } from '../policies/detect/normalize.ts';
import { loadExport } from './load-module.ts';
import { piiTypeOfCode } from './mappings/pii-types.ts';
import { loadPolicyHarness, localeOf } from './policy-harness.ts';
import type { Span } from './score-spans.ts';

/** Predicts Ward-typed PII spans (original offsets) for a text. */
export type PiiPredictor = (text: string, lang: string) => Span[];

type DetectPii = (
  text: NormalizedText,
  options?: { locale?: string },
) => { type: string; start: number; end: number; confidence?: number }[];

/** The PII predictor: `detectPii`, or the `pii.*` findings of one policy when `policy` is given. */
export async function loadPiiPredictor(
  policy?: string,
): Promise<{ ok: true; value: PiiPredictor } | { ok: false; reason: string }> {
  if (policy) {
    const harness = await loadPolicyHarness(policy);
    if (!harness.ok) return harness;
    return {
      ok: true,
      value: (text, lang) =>
        harness.value
          .run({ id: 'eval', text, space: 'general', role: 'member', lang })
          .decision.findings.flatMap((f) => {
            const type = piiTypeOfCode(f.code);
            return type && f.span ? [{ start: f.span[0], end: f.span[1], type }] : [];
          }),
    };
  }
  const detect = await loadExport<DetectPii>('policies/detect/pii/index.ts', 'detectPii');
  if (!detect.ok) return detect;
  // Spans under the detector's own default threshold are not acted on by default, so they are not predictions.
  const threshold = await loadExport<number>('policies/detect/pii/index.ts', 'DEFAULT_PII_THRESHOLD');
  const min = threshold.ok ? threshold.value : 0;
  return {
    ok: true,
    value: (text, lang) =>
      detect
        .value(normalizeText(text), { locale: localeOf(lang) })
        .filter((s) => (s.confidence ?? 1) >= min)
        .map((s) => ({ start: s.start, end: s.end, type: s.type })),
  };
}
