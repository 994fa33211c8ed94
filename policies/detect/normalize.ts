/** A normalized view of a message with a map back to original offsets. */
export interface NormalizedText {
  original: string;
  /** Text with invisible characters dropped, look-alike letters folded to Latin and compatibility forms unified. */
  value: string;
  /** Maps a [start, end) range of `value` to the covering range of `original`. */
  toOriginal(start: number, end: number): [number, number];
}

// Zero-width and formatting characters used to split words past filters, plus bidi overrides (inclusive ranges).
const INVISIBLE_RANGES: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];
const isInvisible = (cp: number) => INVISIBLE_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi);

// Cyrillic and Greek letters that render like Latin ones (Unicode confusables, the common subset used in evasion).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  һ: 'h',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ν: 'v',
  τ: 't',
  ι: 'i',
  κ: 'k',
  υ: 'u',
  χ: 'x',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

// Per-character folding results, cached: NFKC is slow and chat reuses the same few non-ASCII characters.
const foldCache = new Map<string, string>();

/** What one non-ASCII character becomes: '' (dropped), a Latin look-alike, its single-character NFKC form, or itself. */
function fold(ch: string): string {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string;
  const cp = ch.codePointAt(0)!;
  if (ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff)
    out = '\uFFFD'; // lone surrogate: invalid UTF-16
  else if (isInvisible(cp)) out = '';
  else {
    out = HOMOGLYPHS[ch] ?? ch;
    if (out === ch) {
      const folded = ch.normalize('NFKC');
      // Only take single-character foldings (fullwidth digits, ligature-free letters) to keep offsets simple.
      if (folded.length === 1) out = folded;
    }
  }
  if (foldCache.size < 4096) foldCache.set(ch, out);
  return out;
}

/** Identity mapping for text that needs no change (the common, all-ASCII case). */
function identity(original: string): NormalizedText {
  return {
    original,
    value: original,
    toOriginal: (start, end) => (end <= start ? [start, start] : [start, end]),
  };
}

/** Normalizes text against zero-width, homoglyph and compatibility-form evasion, keeping an offset map. */
export function normalizeText(original: string): NormalizedText {
  let i = 0;
  while (i < original.length && original.charCodeAt(i) < 0x80) i++;
  if (i === original.length) return identity(original);
  const parts: string[] = [original.slice(0, i)];
  // starts[k] / ends[k]: original range that value[k] came from.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < i; k++) {
    starts.push(k);
    ends.push(k + 1);
  }
  while (i < original.length) {
    const code = original.charCodeAt(i);
    let width = 1;
    let out: string;
    if (code < 0x80) out = original[i]!;
    else {
      const cp = original.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      out = fold(original.slice(i, i + width));
    }
    for (let k = 0; k < out.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    parts.push(out);
    i += width;
  }
  const value = parts.join('');
  return {
    original,
    value,
    toOriginal(start: number, end: number): [number, number] {
      if (end <= start) {
        const at = start < starts.length ? starts[start]! : original.length;
        return [at, at];
      }
      return [starts[start]!, ends[end - 1]!];
    },
  };
}
