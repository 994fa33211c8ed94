import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isPublicHelpline } from './helplines.ts';
import { fastPhoneKind, type NumberKind } from './phone-fast.ts';
import { AMOUNT_BEFORE, NOT_PHONE_CUE, PHONE_CUE, UNIT_AFTER } from './phone-context.ts';
import { before } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';
import { MAX_CANDIDATES } from './types.ts';

const SEPARATORS = ' .-/()\u00a0';
const DATE_SHAPE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{2,4})(?![-/.]?\d)/;

/** True when a digit run starts with a calendar date (14-02-1988, 2000-04-16, 7/5/81). */
function startsWithDate(text: string): boolean {
  const m = DATE_SHAPE.exec(text);
  if (!m) return false;
  const [a, b, c] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (m[1]!.length === 4) return b >= 1 && b <= 12 && c >= 1 && c <= 31;
  return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31);
}
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const ORG_CUE =
  /\b(?:clinic|practice|surgery|pharmacy|hospital|helpline|hotline|office|reception|switchboard|ward|praktijk|apotheek|ziekenhuis|huisartsenpost|receptie|balie|afdeling|kliniek|polikliniek)\b[^.!?\n]{0,18}$/;
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Runs of digits and phone punctuation (linear scan, no regex backtracking). */
function* numberRuns(scan: ScanText): Generator<[number, number]> {
  const v = scan.value;
  let i = 0;
  let runs = 0;
  while (i < v.length) {
    const c = v[i]!;
    const starts = isDigit(c) || ((c === '+' || c === '(') && isDigit(v[i + 1]));
    if (!starts || isWordChar(v[i - 1]) || (isDigit(c) && v[i - 1] === '.' && isDigit(v[i - 2]))) {
      i++;
      continue;
    }
    let j = i;
    let lastDigit = -1;
    let sepRun = 0;
    for (; j < v.length; j++) {
      scan.work.steps++;
      const ch = v[j]!;
      if (isDigit(ch)) {
        lastDigit = j;
        sepRun = 0;
      } else if (SEPARATORS.includes(ch) || (ch === '+' && j === i)) {
        if (++sepRun > 3) break;
      } else break;
    }
    if (lastDigit >= 0) {
      yield [i, lastDigit + 1];
      if (++runs >= MAX_CANDIDATES) return;
    }
    i = Math.max(j, i + 1);
  }
}

/** Digits of an international number without the 00 prefix or a "(0)" trunk. */
function compactDigits(text: string): string {
  return text.replace('(0)', '').replace(/\D+/g, '').replace(/^00/, '');
}

/** Confidence for a valid number: organisational numbers (freephone, premium, a named clinic's landline) score low. */
function scoreKind(kind: NumberKind, cue: boolean, scan: ScanText, start: number): number {
  if (kind === 'service') return 0.4;
  if (kind !== 'mobile' && ORG_CUE.test(before(scan, start, 25))) return 0.45;
  return cue ? 0.97 : 0.92;
}

/** Mobile, service (freephone, premium, shared cost) or other, from the national number's prefix (NL, UK, US). */
function numberKind(country: string | undefined, national: string): NumberKind {
  if (country === 'NL')
    return national.startsWith('6')
      ? 'mobile'
      : /^(?:800|90[069]|8[47])/.test(national)
        ? 'service'
        : 'other';
  if (country === 'GB')
    return /^7[1-57-9]/.test(national)
      ? 'mobile'
      : /^(?:80[08]|3|8[47]|9)/.test(national)
        ? 'service'
        : 'other';
  if (country === 'US' || country === 'CA')
    return /^8(?:00|33|44|55|66|77|88)/.test(national) ? 'service' : 'other';
  return 'other';
}

function countryOf(locale: string): CountryCode | undefined {
  const region = locale.split('-')[1]?.toUpperCase();
  return region && /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined;
}

/** How sure we are that a digit run is a phone number; 0 when it is not one. */
function phoneConfidence(text: string, digits: string, scan: ScanText, start: number): number {
  if (digits.length < 7 || digits.length > 15 || isPublicHelpline(digits)) return 0;
  if (startsWithDate(text) || IPV4.test(text)) return 0;
  const ctx = before(scan, start, 40);
  if (
    AMOUNT_BEFORE.test(ctx) ||
    UNIT_AFTER.test(scan.lower.slice(start + text.length, start + text.length + 8))
  )
    return 0;
  if (NOT_PHONE_CUE.test(ctx)) return 0;
  const cue = PHONE_CUE.test(ctx);
  const international = text.startsWith('+') || text.startsWith('00');
  // Trunk-prefix numbers (0…) are European-style national numbers; others can only be NANP (US) with ≥ 10 digits.
  const local = countryOf(scan.locale);
  const countries: (CountryCode | undefined)[] = international
    ? [undefined]
    : digits.startsWith('0')
      ? [...new Set<CountryCode>([local ?? 'NL', 'NL', 'GB'])].filter((c) => c !== 'US')
      : digits.length >= 10
        ? ['US']
        : [];
  const fast = fastPhoneKind(international ? compactDigits(text) : digits, international);
  if (fast !== undefined) return scoreKind(fast, cue, scan, start);
  // Digits only (and no "(0)" trunk after a country code) parse about twice as fast as the punctuated text.
  const compact = international ? `+${compactDigits(text)}` : digits;
  let possible = false;
  for (const country of countries) {
    scan.work.steps++;
    const parsed = parsePhoneNumberFromString(compact, country ? { defaultCountry: country } : {});
    if (parsed?.isValid()) {
      return scoreKind(numberKind(parsed.country, parsed.nationalNumber), cue, scan, start);
    }
    if (parsed?.isPossible()) possible = true;
  }
  const grouped = /\d[ .\-/()]+\d/.test(text);
  if (/^\d{3}[-. ]\d{4}$/.test(text)) return cue ? 0.9 : 0.75;
  if (grouped) return cue ? 0.88 : digits.length >= 9 ? (possible ? 0.6 : 0.5) : 0.4;
  return cue ? 0.75 : 0.3;
}

/** Phone numbers in international and national (NL/UK/US and other) formats, spaced, dotted or bracketed. */
export function detectPhones(scan: ScanText): Candidate[] {
  const out: Candidate[] = [];
  for (const [start, end] of numberRuns(scan)) {
    const text = scan.value.slice(start, end);
    const digits = text.replace(/\D+/g, '');
    if (digits.length < 7) continue;
    const confidence = phoneConfidence(text, digits, scan, start);
    if (confidence > 0) out.push({ type: 'PHONE', start, end, confidence, detector: 'phone.number' });
  }
  return out;
}
