import { digitRunsOf } from './text-index.ts';
import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// "93-year-old", "92 years old", "aged 95", "91 jaar", "94-jarige"; only ages of 90 and over identify (HIPAA).
const AGE =
  /(?<![\p{L}\p{N}])(?:(?:aged|age|leeftijd(?: van)?)\s(\d{2,3})(?![\p{N}])|(\d{2,3})(?:[- ]years?[- ]old|[- ]year[- ]old|\s?(?:yo|y\/o)(?![\p{L}])|[- ]jarige?(?![\p{L}])|\sjaar(?: oud)?(?![\p{L}])))/gu;

/** Whether some run of two or three digits reads 90–125: the only ages reported, and always a whole digit run. */
function hasOldAgeNumber(scan: ScanText): boolean {
  const { starts, ends } = digitRunsOf(scan);
  for (let k = 0; k < starts.length; k++) {
    const length = ends[k]! - starts[k]!;
    if (length < 2 || length > 3) continue;
    const n = Number(scan.value.slice(starts[k], ends[k]));
    if (n >= 90 && n <= 125) return true;
  }
  return false;
}

/** Ages of 90 and over, which single a person out; younger ages are not identifying on their own. */
export function detectAges(scan: ScanText): Candidate[] {
  if (!hasOldAgeNumber(scan)) return [];
  const out: Candidate[] = [];
  for (const m of matchesOf(AGE, scan, scan.lower)) {
    const value = m[1] ?? m[2]!;
    const age = Number(value);
    if (age < 90 || age > 125) continue;
    const start = m.index + m[0].indexOf(value);
    out.push({ type: 'AGE', start, end: start + value.length, confidence: 0.7, detector: 'age' });
  }
  return out;
}
