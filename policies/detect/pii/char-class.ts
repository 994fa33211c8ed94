// Per-code-unit classification tables, filled lazily from the same Unicode property regexes the detectors use,
// so hand-written scanners agree with the regexes while ASCII takes a plain comparison.

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;

// 0 = not yet known, 1 = no, 2 = yes; indexed by BMP code unit.
const letterOrMarkTable = new Uint8Array(0x10000);
const letterTable = new Uint8Array(0x10000);
const upperTable = new Uint8Array(0x10000);

function lookup(table: Uint8Array, re: RegExp, code: number): boolean {
  let t = table[code]!;
  if (t === 0) {
    t = re.test(String.fromCharCode(code)) ? 2 : 1;
    table[code] = t;
  }
  return t === 2;
}

const astral = new Map<string, number>();

/** Bit flags of an astral code point (1 letter-or-mark, 2 letter, 4 upper case), cached. */
function astralFlags(text: string, i: number): number {
  const ch = String.fromCodePoint(text.codePointAt(i)!);
  let f = astral.get(ch);
  if (f === undefined) {
    f = (LETTER_OR_MARK.test(ch) ? 1 : 0) | (LETTER.test(ch) ? 2 : 0) | (UPPER.test(ch) ? 4 : 0);
    if (astral.size < 4096) astral.set(ch, f);
  }
  return f;
}

/** True when `text[i]` starts a surrogate pair (an astral code point two units long). */
export function isPairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Whether the code point at `i` is `\p{L}` or `\p{M}` (astral code points count at their first unit). */
export function isLetterOrMarkAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdbff && isPairAt(text, i)) return (astralFlags(text, i) & 1) !== 0;
  return lookup(letterOrMarkTable, LETTER_OR_MARK, c);
}

/** Whether the code point at `i` is `\p{L}`. */
export function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  if (c >= 0xd800 && c <= 0xdbff && isPairAt(text, i)) return (astralFlags(text, i) & 2) !== 0;
  return lookup(letterTable, LETTER, c);
}

/** Whether the code point at `i` is `\p{Lu}`. */
export function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0xd800 && c <= 0xdbff && isPairAt(text, i)) return (astralFlags(text, i) & 4) !== 0;
  return lookup(upperTable, UPPER, c);
}

/** Whether a code unit is JavaScript regex `\s` (white space or line terminator). */
export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Whether a code unit is an ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const letterOrNumberTable = new Uint8Array(0x10000);

/** Whether the code point at `i` is `\p{L}` or `\p{N}`. */
export function isLetterOrNumberAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c >= 0xd800 && c <= 0xdbff && isPairAt(text, i)) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    return LETTER_OR_NUMBER.test(ch);
  }
  return lookup(letterOrNumberTable, LETTER_OR_NUMBER, c);
}
