import { describe, expect, it } from 'vitest';
import { splitContent, truncate } from '../../../bots/discord/text-limits.ts';

describe('truncate', () => {
  it('keeps short text and cuts long text with an ellipsis, never inside a surrogate pair', () => {
    expect(truncate('kort', 10)).toBe('kort');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    const cut = truncate('abc😀def', 5);
    expect(cut).toBe('abc…');
    expect(/[\uD800-\uDFFF]/.test(cut)).toBe(false);
  });
});

describe('splitContent', () => {
  it('splits at line breaks and loses no text', () => {
    const lines = Array.from(
      { length: 60 },
      (_, i) => `113 Zelfmoordpreventie, regel ${i}: bel 0800-0113 of chat via 113.nl`,
    );
    const text = lines.join('\n');
    const parts = splitContent(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join('\n')).toBe(text);
  });

  it('hard-splits a single long line', () => {
    const parts = splitContent('x'.repeat(4500));
    expect(parts.map((p) => p.length)).toEqual([2000, 2000, 500]);
  });
});
