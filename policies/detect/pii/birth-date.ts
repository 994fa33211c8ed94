import { LiteralFilter } from './literal-filter.ts';
import { digitRunsOf } from './text-index.ts';
import { before, matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|januari|februari|maart|mei|juni|juli|augustus|oktober|okt|mrt';
// Numeric (14/02/1988, 1988-02-14) and written (5 April 1979, April 5th, 1979, 5 april 1981) dates.
const DATE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th|e)?(?: of)? (?:${MONTHS})\.?,? \d{4}|(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})(?![\p{L}\p{N}])`,
  'gu',
);
const BIRTH_CUE =
  /(?:\bborn\b|\bb\.|\bdate of birth\b|\bbirth ?date\b|\bdob\b|\bd\.o\.b\.?|\bgeboren\b|\bgeb\.|\bgeboortedatum\b|\bgeboortedag\b|\bbirthday\b|\bverjaardag\b)[^.!?\n]{0,22}$/;
// Every birth cue contains one of these: without them no date can be a date of birth, and the date scan is skipped.
const BIRTH_CUE_FILTER = new LiteralFilter(['born', 'birth', 'dob', 'd.o.b', 'geb', 'verjaardag']);

/** Dates of birth: a date with a birth cue just before it (EN + NL); other dates are left alone. */
export function detectBirthDates(scan: ScanText): Candidate[] {
  if (digitRunsOf(scan).total === 0) return [];
  if (!scan.lower.includes('b.') && !BIRTH_CUE_FILTER.mayOccur(scan)) return [];
  const out: Candidate[] = [];
  for (const m of matchesOf(DATE, scan, scan.lower)) {
    if (!BIRTH_CUE.test(before(scan, m.index, 40))) continue;
    out.push({
      type: 'DATE_OF_BIRTH',
      start: m.index,
      end: m.index + m[0].length,
      confidence: 0.92,
      detector: 'dob',
    });
  }
  return out;
}
