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

/**
 * The matches of a sticky regex tried only at `positions` (ascending): the same matches as a global search when
 * no match can start anywhere else. Later positions inside a match are skipped, as a global search would.
 */
export function matchesAt(re: RegExp, scan: ScanText, positions: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const at of positions) {
    if (at < from) continue;
    scan.work.steps++;
    re.lastIndex = at;
    const m = re.exec(scan.value);
    if (m === null) continue;
    out.push(m);
    if (out.length >= MAX_CANDIDATES) break;
    from = at + Math.max(m[0].length, 1);
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
