import { describe, expect, it } from 'vitest';
import {
  isLetterAt,
  isLetterOrMarkAt,
  isLetterOrNumberAt,
  isSpaceCode,
  isUpperAt,
} from '../../../../policies/detect/pii/char-class.ts';

// The regexes the detectors use; the hand-written scanners must classify code points the same way.
const CLASSES: [string, RegExp, (text: string, i: number) => boolean][] = [
  ['letter or mark', /^[\p{L}\p{M}]$/u, isLetterOrMarkAt],
  ['letter', /^\p{L}$/u, isLetterAt],
  ['upper case', /^\p{Lu}$/u, isUpperAt],
  ['letter or number', /^[\p{L}\p{N}]$/u, isLetterOrNumberAt],
];

describe('character classes', () => {
  it('treat white space as regex \\s does, for every BMP code unit', () => {
    for (let c = 0; c < 0x10000; c++)
      expect(isSpaceCode(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it.each(CLASSES)('%s agrees with its regex on BMP and astral code points', (_name, re, at) => {
    const points = [];
    for (let c = 0; c < 0x3000; c++) if (c < 0xd800 || c > 0xdfff) points.push(c);
    points.push(0xd800, 0xdc00, 0x1d400, 0x1d41a, 0x10400, 0x10428, 0x1f600, 0x20000, 0xe0041);
    for (const cp of points) {
      const ch = String.fromCodePoint(cp);
      expect(at(`${ch}x`, 0), cp.toString(16)).toBe(re.test(ch));
    }
  });
});
