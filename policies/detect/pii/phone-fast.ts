/** Kind of a number when known without parsing metadata. */
export type NumberKind = 'mobile' | 'service' | 'other';

/**
 * Validates the common NL, UK and US shapes from their numbering plans without libphonenumber (which costs tens of
 * microseconds per call): returns the kind for a valid number, or undefined when the full parser must decide.
 * `digits` is the number's digits; `international` says it was written with + or 00.
 */
export function fastPhoneKind(digits: string, international: boolean): NumberKind | undefined {
  let d = digits;
  if (international) {
    d = d.replace(/^00/, '');
    if (d.startsWith('31')) return dutch(`0${d.slice(2).replace(/^0/, '')}`);
    if (d.startsWith('44')) return british(`0${d.slice(2).replace(/^0/, '')}`);
    if (d.startsWith('1') && d.length === 11) return nanp(d.slice(1));
    return undefined;
  }
  if (d.startsWith('0')) return dutch(d) ?? british(d);
  if (d.length === 10) return nanp(d);
  if (d.length === 11 && d.startsWith('1')) return nanp(d.slice(1));
  return undefined;
}

function dutch(d: string): NumberKind | undefined {
  if (/^06[1-5]\d{7}$/.test(d)) return 'mobile';
  if (/^0(?:800|90[069])\d{4,7}$/.test(d)) return 'service';
  if (/^0(?:[1-57]\d|8[58])\d{7}$/.test(d)) return 'other';
  return undefined;
}

function british(d: string): NumberKind | undefined {
  if (/^07[1-57-9]\d{8}$/.test(d)) return 'mobile';
  if (/^0(?:80[08]\d{6,7}|3\d{9}|8[47]\d{8}|9\d{9})$/.test(d)) return 'service';
  if (/^0[12]\d{8,9}$/.test(d)) return 'other';
  return undefined;
}

function nanp(d: string): NumberKind | undefined {
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(d)) return undefined;
  return /^8(?:00|33|44|55|66|77|88)/.test(d) ? 'service' : 'other';
}

/** What libphonenumber reports for a national number: its kind when valid, and whether its length is possible. */
export interface KnownParse {
  kind?: NumberKind;
  possible: boolean;
}

/**
 * libphonenumber's answer for national-format digits in NL or GB, for shapes where the numbering plan fixes it
 * (the tests compare this with the parser); undefined when the parser must decide. "06" + 8 digits: valid in NL
 * for the mobile (06[1-58]) and pager (066) ranges, never in GB (no national number starts with 6), and always of
 * a possible length in both.
 */
export function knownNationalParse(digits: string, country: string | undefined): KnownParse | undefined {
  if (digits.length !== 10 || !digits.startsWith('06')) return undefined;
  if (country === 'NL')
    return /^06[1-68]/.test(digits) ? { kind: 'mobile', possible: true } : { possible: true };
  if (country === 'GB') return { possible: true };
  return undefined;
}
