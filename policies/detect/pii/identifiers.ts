import {
  isPlausibleSsn,
  passesElevenTest,
  passesIbanCheck,
  passesLuhn,
  passesNhsCheck,
} from './checksums.ts';
import { type DigitRuns, digitRunsOf } from './text-index.ts';
import { before, matchesAt, matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// Digit groups joined by single spaces, dots or dashes; bounded, and only starting at a token boundary.
// Sticky: it can only start where a digit run starts, so it is tried there alone.
const NUMBER = /(?<![\p{L}\p{N}_.,-])\d(?:\d|[ .-](?=\d)){6,22}(?![\p{N}])/uy;
const IBAN = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){10,30}(?![\p{L}\p{N}])/gu;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;

const SSN_CUE = /\b(?:ssn|social security(?: number| no\.?)?)\W{0,12}$/;
const BSN_CUE = /\b(?:bsn|burgerservicenummer|sofinummer|sofi-?nummer)\b\W{0,14}(?:is\W{0,3}|was\W{0,3})?$/;
const NHS_CUE = /\bnhs\b(?: number| no\.?| nummer)?\W{0,12}(?:is\W{0,3})?$/;
const CARD_CUE =
  /\b(?:card|kaart|cc|creditcard|credit card|debit|visa|mastercard|amex|pinpas|bankpas)\b[^.!?\n]{0,24}$/;
const BIG_CUE = /\bBIG\b(?:[- ]?(?:nummer|number|registratie\w*|nr\.?))?\W{0,12}(?:is\W{0,3})?$/;
const VERSION_CUE = /\b(?:version|versie|v|build|release)\W{0,3}$/;

/** Classifies one digit group by shape, check digit and nearby cue words. */
function classify(text: string, digits: string, ctx: string, rawCtx: string): number {
  const n = digits.length;
  if (/^\d{3}-\d{2}-\d{4}$/.test(text))
    return SSN_CUE.test(ctx) ? 0.97 : isPlausibleSsn(digits) ? 0.88 : 0.55;
  if (n === 9 && SSN_CUE.test(ctx)) return isPlausibleSsn(digits) ? 0.95 : 0.7;
  if ((n === 9 || n === 8) && BSN_CUE.test(ctx)) return passesElevenTest(digits) ? 0.97 : 0.7;
  if (n === 10 && NHS_CUE.test(ctx)) return passesNhsCheck(digits) ? 0.97 : 0.7;
  if (n === 11 && BIG_CUE.test(rawCtx)) return 0.95;
  if (n >= 12 && n <= 19 && CARD_CUE.test(ctx)) return passesLuhn(digits) ? 0.97 : 0.75;
  if (n >= 13 && n <= 19 && passesLuhn(digits) && !/^0/.test(digits)) return 0.85;
  if (n === 9 && /^\d{9}$|^\d{4}\.\d{2}\.\d{3}$/.test(text) && passesElevenTest(digits)) return 0.55;
  if (n === 10 && /^[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}$/.test(text) && passesNhsCheck(digits)) return 0.5;
  return 0;
}

/** Whether some digit run of two or more directly follows two capitals (the "NL91" that opens an IBAN). */
function hasIbanStart(scan: ScanText, runs: DigitRuns): boolean {
  const v = scan.value;
  for (let k = 0; k < runs.starts.length; k++) {
    const s = runs.starts[k]!;
    if (runs.ends[k]! - s >= 2 && isCapital(v.charCodeAt(s - 1)) && isCapital(v.charCodeAt(s - 2)))
      return true;
  }
  return false;
}

/** Whether four runs of one to three digits are joined by single dots somewhere (an IPv4 shape). */
function hasDottedQuad(scan: ScanText, runs: DigitRuns): boolean {
  const v = scan.value;
  let chain = 0;
  for (let k = 0; k < runs.starts.length; k++) {
    const short = runs.ends[k]! - runs.starts[k]! <= 3;
    const joined = k > 0 && runs.starts[k] === runs.ends[k - 1]! + 1 && v[runs.ends[k - 1]!] === '.';
    chain = short ? (joined ? chain + 1 : 1) : 0;
    if (chain >= 4) return true;
  }
  return false;
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * Digit-run starts from which the runs joined by single spaces, dots or hyphens hold eight digits or more: a
 * number starting anywhere else is too short to be an identifier (and ends inside its own short chain).
 */
function longNumberStarts(scan: ScanText, runs: DigitRuns): number[] {
  const { starts, ends } = runs;
  const v = scan.value;
  const out: number[] = [];
  let digits = 0;
  for (let k = starts.length - 1; k >= 0; k--) {
    const joined = k + 1 < starts.length && starts[k + 1] === ends[k]! + 1 && ' .-'.includes(v[ends[k]!]!);
    digits = (joined ? digits : 0) + ends[k]! - starts[k]!;
    if (digits >= 8) out.push(starts[k]!);
  }
  return out.reverse();
}

/** National and financial identifiers: BSN (11-test), NHS (mod 11), SSN, BIG, payment cards (Luhn), IBAN, IPv4. */
export function detectIdentifiers(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  const runs = digitRunsOf(scan);
  // Every identifier has at least eight digits (IBAN and IPv4 are checked by shape below).
  for (const m of runs.total >= 8 ? matchesAt(NUMBER, scan, longNumberStarts(scan, runs)) : []) {
    const digits = m[0].replace(/\D+/g, '');
    if (digits.length < 8) continue;
    const confidence = classify(
      m[0],
      digits,
      before(scan, m.index, 40),
      scan.value.slice(Math.max(0, m.index - 40), m.index),
    );
    if (confidence > 0) {
      out.push({ type: 'ID', start: m.index, end: m.index + m[0].length, confidence, detector: 'id.number' });
    }
  }
  if (hasIbanStart(scan, runs)) {
    for (const m of matchesOf(IBAN, scan)) {
      const compact = m[0].replaceAll(' ', '');
      const confidence = passesIbanCheck(compact) ? 0.97 : 0.5;
      out.push({ type: 'ID', start: m.index, end: m.index + m[0].length, confidence, detector: 'id.iban' });
    }
  }
  for (const m of hasDottedQuad(scan, runs) ? matchesOf(IPV4, scan) : []) {
    if (m[0].split('.').some((p) => Number(p) > 255) || VERSION_CUE.test(before(scan, m.index, 12))) continue;
    out.push({ type: 'ID', start: m.index, end: m.index + m[0].length, confidence: 0.85, detector: 'id.ip' });
  }
  return out;
}
