import { describe, expect, it } from 'vitest';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fastPhoneKind, knownNationalParse } from '../../../../policies/detect/pii/phone-fast.ts';

describe('fastPhoneKind', () => {
  it.each([
    ['0612345678', false, 'mobile'],
    ['0205551234', false, 'other'],
    ['08001234', false, 'service'],
    ['07700900123', false, 'mobile'],
    ['01614960000', false, 'other'],
    ['08001234567', false, 'service'],
    ['6022729781', false, 'other'],
    ['18005550199', false, 'service'],
    ['31612345678', true, 'mobile'],
    ['0031612345678', true, 'mobile'],
    ['447700900123', true, 'mobile'],
  ])('%s (international %s) is %s', (digits, international, kind) => {
    expect(fastPhoneKind(digits, international)).toBe(kind);
  });

  it('leaves other shapes to the full parser', () => {
    expect(fastPhoneKind('41625855190', true)).toBeUndefined();
    expect(fastPhoneKind('5550162', false)).toBeUndefined();
    expect(fastPhoneKind('0123', false)).toBeUndefined();
  });
});

describe('knownNationalParse', () => {
  it('agrees with libphonenumber on Dutch mobile-shaped numbers in NL and GB', () => {
    for (let prefix = 0; prefix < 100; prefix++) {
      for (const tail of ['000000', '123456', '987654', '555000']) {
        const digits = `06${String(prefix).padStart(2, '0')}${tail}`;
        for (const country of ['NL', 'GB'] as const) {
          const known = knownNationalParse(digits, country)!;
          const parsed = parsePhoneNumberFromString(digits, { defaultCountry: country })!;
          expect(known.possible, `${digits} ${country}`).toBe(parsed.isPossible());
          expect(known.kind !== undefined, `${digits} ${country}`).toBe(parsed.isValid());
          if (known.kind) expect(parsed.nationalNumber.startsWith('6')).toBe(true);
        }
      }
    }
  });

  it('leaves other shapes and countries to the parser', () => {
    expect(knownNationalParse('0612345678', 'DE')).toBeUndefined();
    expect(knownNationalParse('0201234567', 'NL')).toBeUndefined();
    expect(knownNationalParse('061234567', 'NL')).toBeUndefined();
  });
});
