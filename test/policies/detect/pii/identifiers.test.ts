import { describe, expect, it } from 'vitest';
import {
  isPlausibleSsn,
  passesElevenTest,
  passesIbanCheck,
  passesLuhn,
  passesNhsCheck,
} from '../../../../policies/detect/pii/checksums.ts';
import { normalizeText } from '../../../../policies/detect/normalize.ts';
import { detectPii } from '../../../../policies/detect/pii/index.ts';
import { found, typesIn } from './helpers.ts';

describe('checksums', () => {
  it('implements the BSN 11-test, NHS mod 11, Luhn, IBAN mod 97 and SSN rules', () => {
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('111222334')).toBe(false);
    expect(passesNhsCheck('9434765919')).toBe(true);
    expect(passesNhsCheck('9434765918')).toBe(false);
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesIbanCheck('NL91ABNA0417164300')).toBe(true);
    expect(passesIbanCheck('NL91ABNA0417164301')).toBe(false);
    expect(isPlausibleSsn('489360172')).toBe(true);
    expect(isPlausibleSsn('666360172')).toBe(false);
  });
});

describe('identifier detection', () => {
  it.each([
    ['mijn BSN 111222333 wordt niet geaccepteerd', '111222333'],
    ['NHS no. 943 476 5919 if an admin can check', '943 476 5919'],
    ['The form asks for my SSN, 489-36-0172, which feels odd.', '489-36-0172'],
    ['Referral, MRN 00917723, 9 years old', '00917723'],
    ['patiëntnummer: 4471-2209 graag', '4471-2209'],
    ['mijn BIG-nummer is 19012345601', '19012345601'],
    ['IBAN NL91 ABNA 0417 1643 00 voor de bijdrage', 'NL91 ABNA 0417 1643 00'],
    ['card 4111 1111 1111 1111 was charged', '4111 1111 1111 1111'],
    ['keep getting address 41.173.96.26 blocked', '41.173.96.26'],
    ['kenteken 12-ABC-3 stond voor de deur', '12-ABC-3'],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toContainEqual(['ID', expected]);
  });

  it('keeps a checksum failure, with lower confidence', () => {
    const good = detectPii(normalizeText('BSN 111222333'))[0]!;
    const bad = detectPii(normalizeText('BSN 111222334'))[0]!;
    expect(bad.type).toBe('ID');
    expect(bad.confidence).toBeLessThan(good.confidence);
    expect(bad.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('leaves order numbers, version numbers and doses alone', () => {
    expect(typesIn('Order 123456789 shipped; v1.2.3.4 installed; 400 mg ibuprofen')).toEqual([]);
  });
});
