import { measureStage, sourceNote } from '../measure-stage.ts';
import type { BenchMessage, BenchRow, RowOutcome } from '../types.ts';

/** One combined expression for e-mail, URL, phone and date: the floor any PII stage is compared with. */
export const BASELINE_PATTERN =
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+|\+?\d[\d\s().-]{6,}\d|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g;

/** Counts baseline matches in a text. */
export function baselineMatches(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(BASELINE_PATTERN)) n++;
  return n;
}

/** Measures the baseline over `messages` for at least `minMs`. */
export function measureRegexBaseline(messages: readonly BenchMessage[], minMs: number): RowOutcome {
  const f = measureStage(messages, (m) => baselineMatches(m.text), minMs);
  return { row: { msgs_per_s: f.msgs_per_s }, note: sourceNote(f) };
}

/** `stage.regex_baseline`. */
export const regexBaselineRow: BenchRow = {
  name: 'stage.regex_baseline',
  run: async (ctx) => measureRegexBaseline(ctx.corpus, ctx.sizes.stageMs),
};
