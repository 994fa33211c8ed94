import { describe, expect, it } from 'vitest';
import { MAX_REVIEW_CHARS, textForModel } from '../../../worker/review/model-text.ts';

describe('textForModel', () => {
  it('keeps placeholders and replaces any identifier still present', () => {
    const out = textForModel('Call [PHONE] or mail jan.devries@example.nl please', 'nl-NL');
    expect(out).toContain('[PHONE]');
    expect(out).not.toContain('jan.devries@example.nl');
    expect(out).toContain('[EMAIL]');
  });

  it('caps long text', () => {
    expect(textForModel('word '.repeat(2000), 'en-GB').length).toBeLessThanOrEqual(MAX_REVIEW_CHARS);
  });
});
