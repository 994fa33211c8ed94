import { matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// "93-year-old", "92 years old", "aged 95", "91 jaar", "94-jarige"; only ages of 90 and over identify (HIPAA).
const AGE =
  /(?<![\p{L}\p{N}])(?:(?:aged|age|leeftijd(?: van)?)\s(\d{2,3})(?![\p{N}])|(\d{2,3})(?:[- ]years?[- ]old|[- ]year[- ]old|\s?(?:yo|y\/o)(?![\p{L}])|[- ]jarige?(?![\p{L}])|\sjaar(?: oud)?(?![\p{L}])))/gu;

/** Ages of 90 and over, which single a person out; younger ages are not identifying on their own. */
export function detectAges(scan: ScanText): Candidate[] {
  if (!/\d{2}/.test(scan.value)) return [];
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
