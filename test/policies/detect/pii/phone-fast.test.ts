import { describe, expect, it } from 'vitest';
import { fastPhoneKind } from '../../../../policies/detect/pii/phone-fast.ts';

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
