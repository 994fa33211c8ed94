import { addressLines, extendAddress } from './address-block.ts';
import { isSpaceCode } from './char-class.ts';
import { digitRunsOf } from './text-index.ts';
import { before, matchesOf } from './regex-scan.ts';
import type { Candidate, ScanText } from './types.ts';

// NL: 1234 AB (SA, SD and SS are never issued); UK: outward + inward code.
const NL_POSTCODE = /(?<![\p{L}\p{N}])[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;
const UK_POSTCODE = /(?<![\p{L}\p{N}])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}])/gu;
const ZIP_CUE =
  /\b(?:zip(?: ?code)?|postcode|postal code|post code|postcode is|zip is)\W{0,8}(?:is\W{0,3})?$/;
const BARE_CODE = /(?<![\p{L}\p{N}])(?:\d{4,5}(?:-\d{3,4})?(?:\s?[A-Z]{2})?)(?![\p{L}\p{N}])/gu;
// Uppercase pairs after a year that are words, not postcode letters ("1985 AD", "2020 EU").
const NOT_LETTERS = new Set([
  'AD',
  'BC',
  'EU',
  'NL',
  'UK',
  'US',
  'AM',
  'PM',
  'CE',
  'OK',
  'IN',
  'ON',
  'AT',
  'TO',
  'OF',
  'IS',
]);

/** Whether a code unit is an upper-case ASCII letter. */
function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/**
 * Which postcode shapes the digit runs allow: a Dutch code is four digits then (after at most one space) two
 * capitals; a UK inward code is a digit directly followed by two capitals.
 */
function postcodeShapes(scan: ScanText): { dutch: boolean; british: boolean } {
  const v = scan.value;
  const { starts, ends } = digitRunsOf(scan);
  let dutch = false;
  let british = false;
  for (let k = 0; k < starts.length; k++) {
    const e = ends[k]!;
    const letters = isCapital(v.charCodeAt(e)) && isCapital(v.charCodeAt(e + 1));
    if (letters) british = true;
    if (
      e - starts[k]! === 4 &&
      (letters ||
        (isSpaceCode(v.charCodeAt(e)) && isCapital(v.charCodeAt(e + 1)) && isCapital(v.charCodeAt(e + 2))))
    )
      dutch = true;
  }
  return { dutch, british };
}

/** Postcodes: Dutch and UK by shape (with the town after them), any zip after a "zip code"/"postcode" cue. */
export function detectPostcodes(scan: ScanText): Candidate[] {
  if (digitRunsOf(scan).total === 0) return [];
  const out: Candidate[] = [];
  const { dutch, british } = postcodeShapes(scan);
  for (const m of dutch ? matchesOf(NL_POSTCODE, scan) : []) {
    if (NOT_LETTERS.has(m[0].slice(-2))) continue;
    const end = extendAddress(scan, m.index + m[0].length, 40);
    out.push(...addressLines(scan, m.index, end, 0.7, 'address.postcode_nl'));
  }
  for (const m of british ? matchesOf(UK_POSTCODE, scan) : []) {
    out.push({
      type: 'ADDRESS',
      start: m.index,
      end: m.index + m[0].length,
      confidence: 0.85,
      detector: 'address.postcode_uk',
    });
  }
  // Every zip cue holds "zip" or "post"; without one no bare number is a postcode.
  const cued = scan.lower.includes('zip') || scan.lower.includes('post');
  for (const m of cued ? matchesOf(BARE_CODE, scan) : []) {
    if (!ZIP_CUE.test(before(scan, m.index, 24))) continue;
    out.push({
      type: 'ADDRESS',
      start: m.index,
      end: m.index + m[0].length,
      confidence: 0.85,
      detector: 'address.zip',
    });
  }
  return out;
}
