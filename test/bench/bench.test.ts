import { describe, expect, it } from 'vitest';
import { benchCorpus } from '../../bench/corpus.ts';
import { measureStage } from '../../bench/measure-stage.ts';
import { benchLine, benchTable } from '../../bench/report.ts';
import { baselineMatches, measureRegexBaseline } from '../../bench/rows/regex-baseline.ts';
import { redactSpans } from '../../bench/rows/stage-confidentiality.ts';
import { percentile, roundFigure } from '../../bench/stats.ts';
import { syntheticChat } from '../../bench/synthetic-chat.ts';
import type { BenchMessage, RowOutcome } from '../../bench/types.ts';

const asMessages = (texts: string[]): BenchMessage[] =>
  texts.map((text, i) => ({
    id: `t-${i}`,
    text,
    space: 'peer_support',
    role: 'member',
    lang: 'en',
    source: 'synthetic',
    crisis: false,
  }));

describe('synthetic chat load', () => {
  it('is deterministic for a seed and keeps to 40–400 characters', () => {
    const a = syntheticChat(300, 1);
    expect(syntheticChat(300, 1)).toEqual(a);
    expect(syntheticChat(300, 2)).not.toEqual(a);
    for (const t of a) {
      expect(t.length).toBeGreaterThanOrEqual(40);
      expect(t.length).toBeLessThanOrEqual(400);
    }
    expect(a.some((t) => /@example\.com/.test(t))).toBe(true);
    expect(a.some((t) => /06-\d{8}/.test(t))).toBe(true);
  });

  it('mixes the dev scenarios into the corpus when they are present', () => {
    const corpus = benchCorpus(100);
    expect(corpus.filter((m) => m.source === 'synthetic')).toHaveLength(100);
    expect(new Set(corpus.map((m) => m.id)).size).toBe(corpus.length);
  });
});

describe('regex baseline', () => {
  it('matches e-mail, URL, phone and date, and nothing in plain chatter', () => {
    expect(
      baselineMatches('mail jo@example.com, see https://example.org/x, call 06-12345678 on 12/03/2024'),
    ).toBe(4);
    expect(baselineMatches('Thanks everyone, see you Thursday!')).toBe(0);
  });

  it('measures a row over 50 messages', () => {
    const out = measureRegexBaseline(asMessages(syntheticChat(50)), 1);
    expect('row' in out && out.row.msgs_per_s).toBeGreaterThan(0);
  });
});

describe('measureStage', () => {
  it('times at least one pass of a small corpus and reports per source', () => {
    let calls = 0;
    const f = measureStage(asMessages(syntheticChat(30)), () => calls++, 0);
    expect(f.count).toBeGreaterThanOrEqual(30);
    expect(calls).toBeGreaterThanOrEqual(30);
    expect(Object.keys(f.bySource)).toEqual(['synthetic']);
  });
});

describe('redactSpans', () => {
  it('replaces spans with typed placeholders and skips overlaps', () => {
    const text = 'Call Anna on 0612345678';
    expect(
      redactSpans(text, [
        { type: 'PHONE', start: 13, end: 23 },
        { type: 'NAME', start: 5, end: 9 },
        { type: 'NAME', start: 6, end: 8 },
      ]),
    ).toBe('Call [NAME] on [PHONE]');
  });
});

describe('stats', () => {
  it('takes nearest-rank percentiles and rounds figures', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([], 99)).toBe(0);
    expect(roundFigure(1234.56)).toBe(1235);
    expect(roundFigure(0.012345)).toBe(0.0123);
  });
});

describe('final line', () => {
  it('has the EVAL.md bench shape with measured rows only, numbers only', () => {
    const rows = new Map<string, RowOutcome>([
      ['stage.regex_baseline', { row: { msgs_per_s: 250000 }, note: 'x' }],
      ['pipeline.postgres', { skipped: 'no PostgreSQL configured' }],
    ]);
    const line = JSON.parse(benchLine(rows));
    expect(line).toMatchObject({ ward_bench: 1, rows: { 'stage.regex_baseline': { msgs_per_s: 250000 } } });
    expect(line.node).toMatch(/^v\d+/);
    expect(typeof line.cores).toBe('number');
    expect(line.rows['pipeline.postgres']).toBeUndefined();
    for (const row of Object.values(line.rows as Record<string, Record<string, unknown>>)) {
      for (const v of Object.values(row)) expect(typeof v).toBe('number');
    }
    expect(benchTable(rows)).toContain('skipped: no PostgreSQL configured');
  });
});
