import type { ScanText } from './types.ts';
import { MAX_CANDIDATES } from './types.ts';

/** The matches of a global regex over the scan text (an array, not a generator: this is the hot loop), counting work and stopping at the candidate cap. */
export function matchesOf(re: RegExp, scan: ScanText, text: string = scan.value): RegExpExecArray[] {
  re.lastIndex = 0;
  const out: RegExpExecArray[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    scan.work.steps++;
    if (m[0].length === 0) re.lastIndex++;
    out.push(m);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/** Text of up to `width` characters before `index`, lower-cased, for context cues. */
export function before(scan: ScanText, index: number, width: number): string {
  return scan.lower.slice(Math.max(0, index - width), index);
}

/** Text of up to `width` characters after `index`, lower-cased. */
export function after(scan: ScanText, index: number, width: number): string {
  return scan.lower.slice(index, index + width);
}

/** Digits of a string, in order. */
export function digitsOf(s: string): string {
  return s.replace(/\D+/g, '');
}
