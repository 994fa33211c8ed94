import { describe, expect, it } from 'vitest';
import { redactText } from '../../../../policies/detect/pii/redact.ts';

describe('redactText', () => {
  it('replaces spans with typed placeholders and keeps both offset ranges', () => {
    const text = 'Bel Jan op 06-12345678 of mail jan@example.nl.';
    const r = redactText(text, [
      { type: 'EMAIL', start: 31, end: 45 },
      { type: 'NAME', start: 4, end: 7 },
      { type: 'PHONE', start: 11, end: 22 },
    ]);
    expect(r.text).toBe('Bel [NAME] op [PHONE] of mail [EMAIL].');
    for (const p of r.placeholders) {
      expect(r.text.slice(p.redactedStart, p.redactedEnd)).toBe(`[${p.type}]`);
      expect(text.slice(p.start, p.end)).not.toContain(' op ');
    }
    expect(r.placeholders.map((p) => p.type)).toEqual(['NAME', 'PHONE', 'EMAIL']);
  });

  it('merges overlapping spans and clips out-of-range ones', () => {
    const r = redactText('abcdef', [
      { type: 'ID', start: 1, end: 4 },
      { type: 'PHONE', start: 3, end: 99 },
      { type: 'NAME', start: 5, end: 5 },
    ]);
    expect(r.text).toBe('a[ID]');
    expect(r.placeholders).toEqual([{ type: 'ID', start: 1, end: 6, redactedStart: 1, redactedEnd: 5 }]);
  });

  it('returns the text unchanged without spans', () => {
    expect(redactText('nothing here', [])).toEqual({ text: 'nothing here', placeholders: [] });
  });
});
