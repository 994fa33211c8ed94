/** A normalized view of a message with a map back to original offsets. */
export interface NormalizedText {
  original: string;
  /** Text with invisible characters dropped, look-alike letters folded to Latin and compatibility forms unified. */
  value: string;
  /** Maps a [start, end) range of `value` to the covering range of `original`. */
  toOriginal(start: number, end: number): [number, number];
  /** `value` lower-cased with typographic apostrophes folded to `'`; same length, so offsets carry over. */
  readonly folded: string;
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

const APOSTROPHES = /[\u2018\u2019\u02BC`\u00B4]/g;

/** Lower-cases text without changing its length and folds typographic apostrophes to `'`, so offsets stay valid. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower.replace(APOSTROPHES, "'");
  // Rare: a character whose lower case is longer (e.g. U+0130); fold character by character instead.
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out.replace(APOSTROPHES, "'");
}

/** Builds the normalized view; `folded` is computed on first use and shared by every detector. */
function view(original: string, value: string, toOriginal: NormalizedText['toOriginal']): NormalizedText {
  let folded: string | undefined;
  return {
    original,
    value,
    toOriginal,
    get folded() {
      folded ??= foldCase(value);
      return folded;
    },
  };
}

const identityOffsets: NormalizedText['toOriginal'] = (start, end) =>
  end <= start ? [start, start] : [start, end];

/** Normalizes text against zero-width, homoglyph and compatibility-form evasion, keeping an offset map. */
export function normalizeText(original: string): NormalizedText {
  // Most chat text, including accented letters and emoji, folds to itself: find the first character that changes.
  let i = 0;
  let first = -1;
  while (i < original.length) {
    const code = original.charCodeAt(i);
    if (code < 0x80) {
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    if (fold(ch) !== ch) {
      first = i;
      break;
    }
    i += width;
  }
  if (first < 0) return view(original, original, identityOffsets);
  const parts: string[] = [original.slice(0, first)];
  // starts[k] / ends[k]: original range that value[k] came from.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < first; k++) {
    starts.push(k);
    ends.push(k + 1);
  }
  i = first;
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
  return view(original, parts.join(''), (start, end) => {
    if (end <= start) {
      const at = start < starts.length ? starts[start]! : original.length;
      return [at, at];
    }
    return [starts[start]!, ends[end - 1]!];
  });
}
