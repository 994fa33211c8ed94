import type { Candidate, ScanText } from './types.ts';

// One address token after optional comma / line break: unit words, postcodes, numbers, capitalised words, particles.
const TOKEN =
  /[ \t]{0,4}(?:,[ \t]{0,4})?(?:\n[ \t>?]{0,6}){0,2}(?:(?:apt|apartment|suite|ste|unit|flat|box|bus|po box|p\.o\. box|psc|apo|fpo|dpo)\.?\s?\d{1,6}\w?|[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}])|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![\p{L}])|\d{1,6}(?:-\d{1,4})?[a-zA-Z]?(?![\p{L}\p{N}])|[\p{Lu}][\p{L}\p{M}'’-]{0,30}\.?|(?:do|da|de|del|della|di|du|dos|das|la|le|van|der|den|ter|ten|gate|vei|veg|vej|str\.|st\.|ul\.|u\.)(?![\p{L}]))/uy;
// Capitalised words that end an address rather than continue it (sentence starts after a comma).
const STOP = new Set([
  'I',
  'Ik',
  'We',
  'Wij',
  'Tea',
  'Thee',
  'Thanks',
  'Bedankt',
  'Dank',
  'Please',
  'Graag',
  'If',
  'Als',
  'And',
  'En',
  'But',
  'Maar',
  'The',
  'De',
  'Het',
  'My',
  'Mijn',
]);

/** Extends an address from `start`/`end` over following address tokens (unit, postcode, town); returns the new end. */
export function extendAddress(scan: ScanText, end: number, maxLength = 160): number {
  const v = scan.value;
  let pos = end;
  let lines = 0;
  for (let k = 0; k < 14; k++) {
    scan.work.steps++;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(v);
    if (!m) break;
    const word = m[0]
      .trim()
      .replace(/^,\s*/, '')
      .replace(/^(?:\n[ \t>?]*)+/, '');
    if (STOP.has(word)) break;
    if (m[0].includes('\n') && ++lines > 5) break;
    const next = pos + m[0].length;
    if (next - end > maxLength) break;
    pos = next;
  }
  // Do not end on a dangling particle or abbreviation point.
  let out = pos;
  while (out > end && /[\s,.]/.test(v[out - 1]!)) out--;
  return Math.max(out, end);
}

/** Moves `start` left over a directly preceding house or building number ("28245 Puruntie 82"). */
export function extendAddressLeft(scan: ScanText, start: number): number {
  const m = /(?:^|[\s,])(\d{1,6}\s{1,2})$/u.exec(scan.value.slice(Math.max(0, start - 10), start));
  return m ? start - m[1]!.length : start;
}

/**
 * One address candidate per line of a multi-line address block (each line is what a reader redacts as a unit);
 * lines without a digit (a lone town or country) are left to the location rules.
 */
export function addressLines(
  scan: ScanText,
  start: number,
  end: number,
  confidence: number,
  detector: string,
): Candidate[] {
  const out: Candidate[] = [];
  let lineStart = start;
  for (let k = start; k <= end; k++) {
    if (k < end && scan.value[k] !== '\n') continue;
    let s = lineStart;
    let e = k;
    while (s < e && /[\s,>?]/.test(scan.value[s]!)) s++;
    while (e > s && /[\s,]/.test(scan.value[e - 1]!)) e--;
    if (e - s >= 2 && (/\d/.test(scan.value.slice(s, e)) || (s === start && e === end))) {
      out.push({ type: 'ADDRESS', start: s, end: e, confidence, detector });
    }
    lineStart = k + 1;
  }
  return out;
}
