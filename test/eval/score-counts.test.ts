import { describe, expect, it } from 'vitest';
import {
  accuracy,
  averagePrecision,
  countBinary,
  countSets,
  detection,
  hasEvidence,
  zeroCounts,
} from '../../eval/score-counts.ts';

describe('detection', () => {
  it('computes precision, recall and F1 rounded to 3 decimals', () => {
    expect(detection({ tp: 120, fp: 6, fn: 4 })).toEqual({
      tp: 120,
      fp: 6,
      fn: 4,
      precision: 0.952,
      recall: 0.968,
      f1: 0.96,
    });
  });

  it('gives 0, never NaN, when a denominator is zero', () => {
    expect(detection({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(detection({ tp: 0, fp: 3, fn: 0 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(detection({ tp: 0, fp: 0, fn: 5 })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });

  it('is perfect only when everything matched', () => {
    expect(detection({ tp: 3, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(detection({ tp: 1, fp: 1, fn: 1 })).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });
});

describe('accuracy', () => {
  it('divides correct by total and is 0 on an empty set', () => {
    expect(accuracy(88, 95)).toEqual({ correct: 88, total: 95, accuracy: 0.926 });
    expect(accuracy(0, 0)).toEqual({ correct: 0, total: 0, accuracy: 0 });
  });
});

describe('counting', () => {
  it('counts binary outcomes; true negatives count nothing', () => {
    const c = zeroCounts();
    countBinary(c, true, true);
    countBinary(c, false, true);
    countBinary(c, true, false);
    countBinary(c, false, false);
    expect(c).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(hasEvidence(zeroCounts())).toBe(false);
    expect(hasEvidence(c)).toBe(true);
  });

  it('counts set agreement', () => {
    const c = zeroCounts();
    countSets(c, new Set(['asthma', 'cough']), new Set(['asthma', 'fever', 'rash']));
    expect(c).toEqual({ tp: 1, fp: 2, fn: 1 });
  });
});

describe('averagePrecision', () => {
  it('is 1 for a perfect ranking and lower when a negative ranks first', () => {
    expect(
      averagePrecision([
        { score: 0.9, positive: true },
        { score: 0.8, positive: true },
        { score: 0.1, positive: false },
      ]),
    ).toBe(1);
    // ranks: neg, pos, pos → AP = (1/2)(1/2) + (1/2)(2/3) = 0.583
    expect(
      averagePrecision([
        { score: 0.9, positive: false },
        { score: 0.8, positive: true },
        { score: 0.7, positive: true },
      ]),
    ).toBe(0.583);
  });

  it('treats tied scores as one threshold and has no positives → 0', () => {
    expect(
      averagePrecision([
        { score: 1, positive: true },
        { score: 1, positive: false },
      ]),
    ).toBe(0.5);
    expect(averagePrecision([{ score: 1, positive: false }])).toBe(0);
  });
});
