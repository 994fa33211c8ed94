import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../policies/detect/normalize.ts';
import { detectPii, PII_SCAN_LIMIT } from '../../../../policies/detect/pii/index.ts';

/** Runs detection and returns the spans with the work counter of the run. */
function run(text: string) {
  const stats = { steps: 0, scannedChars: 0 };
  const spans = detectPii(normalizeText(text), { stats });
  return { spans, stats };
}

describe('bounded work on hostile input', () => {
  it.each([
    ['50,000 digits', '7'.repeat(50_000)],
    ['a@a@a@… repeated', 'a@'.repeat(25_000)],
    ['dots and ats', 'x.y@'.repeat(12_000)],
    ['spaced letters', 'a '.repeat(25_000)],
    ['capitalised words', 'Jan '.repeat(12_000)],
    ['digit groups', '12 34 '.repeat(8_000)],
    ['role-at chains', 'works at Aa '.repeat(4_000)],
    ['domain paths', 'a.com/'.repeat(8_000)],
    ['long local parts', `${'a'.repeat(63)}@`.repeat(700)],
    ['spaced at signs', 'a @ b . '.repeat(6_000)],
    ['number words', 'one two, '.repeat(6_000)],
    ['house numbers', 'Kerkstraat 1 '.repeat(4_000)],
  ])('%s: scans at most the cap, with work linear in the cap', (_name, text) => {
    const { stats } = run(text);
    expect(stats.scannedChars).toBeLessThanOrEqual(PII_SCAN_LIMIT);
    expect(stats.steps).toBeLessThan(PII_SCAN_LIMIT * 12);
  });

  it('does not scan past the cap', () => {
    const text = `${'x '.repeat(PII_SCAN_LIMIT)}mail jan@example.nl`;
    expect(run(text).spans).toEqual([]);
  });

  it('survives RTL overrides, lone surrogates and mixed scripts with offsets into the original', () => {
    const text = 'bel \u202e06-12345678\u202c of \ud800 mail аnna@example.nl 😀 Jan de Vries';
    const { spans } = run(text);
    for (const s of spans) expect(s.end).toBeLessThanOrEqual(text.length);
    expect(spans.map((s) => s.type)).toEqual(expect.arrayContaining(['PHONE', 'EMAIL', 'NAME']));
    expect(text.slice(spans.find((s) => s.type === 'EMAIL')!.start).startsWith('аnna@')).toBe(true);
  });

  it('returns sorted, non-overlapping spans', () => {
    const { spans } = run(
      'Jan de Vries, Lindenlaan 23, 7311 KD Apeldoorn, 06-12345678, jan@example.nl, BSN 111222333',
    );
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });
});
