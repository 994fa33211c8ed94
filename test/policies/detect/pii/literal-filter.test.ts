import { describe, expect, it } from 'vitest';
import { LiteralFilter } from '../../../../policies/detect/pii/literal-filter.ts';
import type { ScanText } from '../../../../policies/detect/pii/types.ts';

function scanOf(value: string): ScanText {
  return { value, lower: value.toLowerCase(), locale: 'en-GB', work: { steps: 0 }, index: undefined };
}

describe('LiteralFilter', () => {
  const filter = new LiteralFilter(['lives at', 'kenteken', 'cliënt']);

  it('lets through every text that holds a literal, whatever the white space or case', () => {
    for (const text of [
      'she lives at 12 Main Street',
      'She LIVES\tAT the corner',
      'lives\u00a0at',
      'mijn kenteken is 12-ABC-3',
      'de cliëntnummer',
      'x'.repeat(300) + 'kenteken',
    ])
      expect(filter.mayOccur(scanOf(text)), text).toBe(true);
  });

  it('rules out texts without any of them', () => {
    for (const text of ['Thanks everyone for the tips!', 'she lived there', 'client', ''])
      expect(filter.mayOccur(scanOf(text)), text).toBe(false);
  });

  it('answers for the text it is asked about when texts alternate', () => {
    const a = scanOf('lives at home');
    const b = scanOf('nothing here');
    expect(filter.mayOccur(a)).toBe(true);
    expect(filter.mayOccur(b)).toBe(false);
    expect(filter.mayOccur(a)).toBe(true);
  });

  it('refuses literals it cannot check', () => {
    expect(() => new LiteralFilter(['ig'])).toThrow();
    expect(() => new LiteralFilter(['Kenteken'])).toThrow();
  });
});
