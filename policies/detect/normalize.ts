/** A normalized view of a message with a map back to original offsets. */
export interface NormalizedText {
  original: string;
  /** Text with invisible characters dropped, look-alike letters folded to Latin and compatibility forms unified. */
  value: string;
  /** Maps a [start, end) range of `value` to the covering range of `original`. */
  toOriginal(start: number, end: number): [number, number];
}

// Zero-width and formatting characters used to split words past filters, plus bidi overrides.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;

// Cyrillic and Greek letters that render like Latin ones (Unicode confusables, the common subset used in evasion).
const HOMOGLYPHS: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', һ: 'h',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', τ: 't', ι: 'i', κ: 'k', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

/** Normalizes text against zero-width, homoglyph and compatibility-form evasion, keeping an offset map. */
export function normalizeText(original: string): NormalizedText {
  let value = '';
  // starts[i] = original offset where value[i] came from; one extra entry marks the end.
  const starts: number[] = [];
  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const width = ch.length;
    if (!INVISIBLE.test(ch)) {
      let out = HOMOGLYPHS[ch] ?? ch;
      if (cp > 0x7f && out === ch) {
        const folded = ch.normalize('NFKC');
        // Only take single-character foldings (fullwidth digits, ligature-free letters) to keep offsets simple.
        if (folded.length === 1) out = folded;
      }
      if (cp >= 0xd800 && cp <= 0xdfff) out = '\uFFFD'; // lone surrogate: invalid UTF-16
      for (let k = 0; k < out.length; k++) {
        value += out[k];
        starts.push(i);
      }
    }
    i += width;
  }
  starts.push(original.length);
  const ends = new Int32Array(value.length);
  for (let k = 0; k < value.length; k++) {
    const s = starts[k]!;
    const cp = original.codePointAt(s)!;
    ends[k] = s + (cp > 0xffff ? 2 : 1);
  }
  return {
    original,
    value,
    toOriginal(start: number, end: number): [number, number] {
      if (end <= start) {
        const at = starts[Math.min(start, starts.length - 1)]!;
        return [at, at];
      }
      return [starts[start]!, ends[end - 1]!];
    },
  };
}
