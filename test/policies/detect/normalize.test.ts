import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../policies/detect/normalize.ts';

describe('normalizeText', () => {
  it('returns ASCII text as is with an identity map', () => {
    const n = normalizeText('call 06-12345678');
    expect(n.value).toBe('call 06-12345678');
    expect(n.toOriginal(5, 16)).toEqual([5, 16]);
  });

  it('drops zero-width and bidi characters and folds look-alikes, mapping back to the original', () => {
    const original = 'sales.\u200bmike@exаmple.com \u202eabc\u202c';
    const n = normalizeText(original);
    expect(n.value).toBe('sales.mike@example.com abc');
    const [s, e] = n.toOriginal(0, 22);
    expect(original.slice(s, e)).toBe('sales.\u200bmike@exаmple.com');
  });

  it('folds fullwidth digits, replaces lone surrogates and keeps astral characters whole', () => {
    const n = normalizeText('０６ \ud800 😀x');
    expect(n.value).toBe('06 \uFFFD 😀x');
    expect(n.toOriginal(5, 7)).toEqual([5, 7]);
    expect(n.toOriginal(7, 8)).toEqual([7, 8]);
    expect(n.toOriginal(3, 3)).toEqual([3, 3]);
  });
});
