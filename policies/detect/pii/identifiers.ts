import {
  isPlausibleSsn,
  passesElevenTest,
  passesIbanCheck,
  passesLuhn,
  passesNhsCheck,
} from './checksums.ts';
import { before, matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// Digit groups joined by single spaces, dots or dashes; bounded, and only starting at a token boundary.
const NUMBER = /(?<![\p{L}\p{N}_.,-])\d(?:\d|[ .-](?=\d)){6,22}(?![\p{N}])/gu;
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

/** National and financial identifiers: BSN (11-test), NHS (mod 11), SSN, BIG, payment cards (Luhn), IBAN, IPv4. */
export function detectIdentifiers(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matchesOf(NUMBER, scan)) {
    const digits = m[0].replace(/\D+/g, '');
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
  if (/[A-Z]{2}\d{2}/.test(scan.value)) {
    for (const m of matchesOf(IBAN, scan)) {
      const compact = m[0].replaceAll(' ', '');
      const confidence = passesIbanCheck(compact) ? 0.97 : 0.5;
      out.push({ type: 'ID', start: m.index, end: m.index + m[0].length, confidence, detector: 'id.iban' });
    }
  }
  for (const m of matchesOf(IPV4, scan)) {
    if (m[0].split('.').some((p) => Number(p) > 255) || VERSION_CUE.test(before(scan, m.index, 12))) continue;
    out.push({ type: 'ID', start: m.index, end: m.index + m[0].length, confidence: 0.85, detector: 'id.ip' });
  }
  return out;
}
