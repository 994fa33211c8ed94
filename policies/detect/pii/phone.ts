import type { CountryCode } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isPublicHelpline } from './helplines.ts';
import { fastPhoneKind, knownNationalParse, type NumberKind } from './phone-fast.ts';
import { AMOUNT_BEFORE, NOT_PHONE_CUE, PHONE_CUE, UNIT_AFTER } from './phone-context.ts';
import { digitRunsOf } from './text-index.ts';
import { before } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';
import { MAX_CANDIDATES } from './types.ts';

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
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/** Whether a code unit is phone punctuation between digits: space, . - / ( ) or no-break space. */
function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x2f || c === 0x28 || c === 0x29 || c === 0xa0;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Scans one run of digits and phone punctuation from `i`; returns its end after the last digit and its digit count. */
function runAt(scan: ScanText, t: string, i: number): { end: number; next: number; digits: number } {
  let j = i;
  let lastDigit = -1;
  let sepRun = 0;
  let digits = 0;
  for (; j < t.length; j++) {
    scan.work.steps++;
    const ch = t.charCodeAt(j);
    if (isDigitCode(ch)) {
      lastDigit = j;
      sepRun = 0;
      digits++;
    } else if (isSeparator(ch) || (ch === 0x2b && j === i)) {
      if (++sepRun > 3) break;
    } else break;
  }
  return { end: lastDigit + 1, next: Math.max(j, i + 1), digits };
}

/**
 * Runs of digits and phone punctuation (linear scan, no regex backtracking), as [start, end, digit count]. A run
 * starts at a digit or at a '+' or '(' before one, not inside a word or a dotted number; only digit-run starts
 * (and the character before them) can qualify, so those are the only positions looked at. Reads the lower-cased
 * copy, where digits and punctuation sit unchanged.
 */
function numberRuns(scan: ScanText): [number, number, number][] {
  const t = scan.lower;
  const out: [number, number, number][] = [];
  let i = 0;
  for (const s of digitRunsOf(scan).starts) {
    const lead = t.charCodeAt(s - 1);
    for (let p = lead === 0x2b || lead === 0x28 ? s - 1 : s; p <= s; p++) {
      if (p < i) continue;
      if (
        isWordChar(t[p - 1]) ||
        (p === s && t.charCodeAt(p - 1) === 0x2e && isDigitCode(t.charCodeAt(p - 2)))
      ) {
        i = p + 1;
        continue;
      }
      const run = runAt(scan, t, p);
      if (run.end > 0) {
        out.push([p, run.end, run.digits]);
        if (out.length >= MAX_CANDIDATES) return out;
      }
      i = run.next;
    }
  }
  return out;
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

const trunkCountriesByLocale = new Map<string, readonly CountryCode[]>();

/** Countries tried for a number with a trunk prefix (0…): the locale's own first, then NL and GB; never the US. */
function trunkCountries(locale: string): readonly CountryCode[] {
  let countries = trunkCountriesByLocale.get(locale);
  if (!countries) {
    countries = [...new Set<CountryCode>([countryOf(locale) ?? 'NL', 'NL', 'GB'])].filter((c) => c !== 'US');
    if (trunkCountriesByLocale.size < 64) trunkCountriesByLocale.set(locale, countries);
  }
  return countries;
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
  const fast = fastPhoneKind(international ? compactDigits(text) : digits, international);
  if (fast !== undefined) return scoreKind(fast, cue, scan, start);
  // Trunk-prefix numbers (0…) are European-style national numbers; others can only be NANP (US) with ≥ 10 digits.
  const countries: readonly (CountryCode | undefined)[] = international
    ? [undefined]
    : digits.startsWith('0')
      ? trunkCountries(scan.locale)
      : digits.length >= 10
        ? ['US']
        : [];
  // Digits only (and no "(0)" trunk after a country code) parse about twice as fast as the punctuated text.
  const compact = international ? `+${compactDigits(text)}` : digits;
  let possible = false;
  for (const country of countries) {
    scan.work.steps++;
    const known = international ? undefined : knownNationalParse(compact, country);
    if (known?.kind) return scoreKind(known.kind, cue, scan, start);
    if (known) {
      possible ||= known.possible;
      continue;
    }
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
  for (const [start, end, count] of numberRuns(scan)) {
    if (count < 7) continue;
    const text = scan.value.slice(start, end);
    const digits = text.replace(/\D+/g, '');
    const confidence = phoneConfidence(text, digits, scan, start);
    if (confidence > 0) out.push({ type: 'PHONE', start, end, confidence, detector: 'phone.number' });
  }
  return out;
}
