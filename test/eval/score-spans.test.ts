import { describe, expect, it } from 'vitest';
import {
  addConfusion,
  addSpanCounts,
  addUntypedOverlap,
  emptySpanCounts,
  matchSpans,
  type Span,
} from '../../eval/score-spans.ts';
import { zeroCounts } from '../../eval/score-counts.ts';

const s = (start: number, end: number, type = 'NAME'): Span => ({ start, end, type });

describe('span matching', () => {
  it('exact needs the same start, end and type', () => {
    const acc = emptySpanCounts();
    addSpanCounts(acc, [s(0, 5), s(10, 15, 'PHONE')], [s(0, 5), s(10, 14, 'PHONE')], 'exact');
    expect(acc.overall).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(acc.byType.get('NAME')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(acc.byType.get('PHONE')).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('overlap accepts any overlap of the same type, but not mere touching', () => {
    const acc = emptySpanCounts();
    addSpanCounts(acc, [s(0, 5), s(10, 15)], [s(4, 8), s(15, 20)], 'overlap');
    expect(acc.overall).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('a wrong type is a miss and a false positive', () => {
    const acc = emptySpanCounts();
    addSpanCounts(acc, [s(0, 5, 'NAME')], [s(0, 5, 'LOCATION')], 'overlap');
    expect(acc.byType.get('NAME')).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(acc.byType.get('LOCATION')).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('matches one to one: a prediction split in two is one hit and one false positive', () => {
    const { pairs, goldLeft, predLeft } = matchSpans([s(0, 14)], [s(0, 5), s(6, 14)], 'overlap');
    expect(pairs).toEqual([[0, 1]]);
    expect(goldLeft).toEqual([]);
    expect(predLeft).toEqual([0]);
  });

  it('prefers the pairing with the larger overlap', () => {
    const { pairs } = matchSpans([s(0, 10), s(12, 20)], [s(8, 19)], 'overlap');
    expect(pairs).toEqual([[1, 0]]);
  });

  it('handles empty gold and empty predictions', () => {
    const acc = emptySpanCounts();
    addSpanCounts(acc, [], [], 'exact');
    expect(acc.overall).toEqual({ tp: 0, fp: 0, fn: 0 });
    addSpanCounts(acc, [], [s(1, 2)], 'exact');
    addSpanCounts(acc, [s(1, 2)], [], 'exact');
    expect(acc.overall).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('untyped overlap ignores the type', () => {
    const c = zeroCounts();
    addUntypedOverlap(c, [s(0, 5, 'NAME')], [s(2, 6, 'ORGANIZATION')]);
    expect(c).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('confusion maps gold types to overlapping predicted types, missed and spurious', () => {
    const grid = new Map<string, Map<string, number>>();
    addConfusion(grid, [s(0, 5, 'NAME'), s(10, 12, 'ID')], [s(0, 5, 'LOCATION'), s(30, 40, 'URL')]);
    expect(grid.get('NAME')?.get('LOCATION')).toBe(1);
    expect(grid.get('ID')?.get('missed')).toBe(1);
    expect(grid.get('spurious')?.get('URL')).toBe(1);
  });
});
