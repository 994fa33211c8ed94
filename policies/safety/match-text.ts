/** Lower-cases text without changing its length, and folds typographic apostrophes, so offsets stay valid. */
export function foldCase(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === '\u2019' || ch === '\u2018' || ch === '\u02BC' || ch === '`' || ch === '\u00B4') {
      out += "'";
      continue;
    }
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

const BOUNDARY = /[.!?\n]/;

/** The [start, end) range of the sentence that contains the range [from, to). */
export function sentenceAround(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !BOUNDARY.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && !BOUNDARY.test(text[end]!)) end++;
  return [start, end];
}

/** Compiles regex sources into one global, case-insensitive, unicode alternation (null when empty). */
export function compileAlternation(sources: readonly string[]): RegExp | null {
  if (sources.length === 0) return null;
  return new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'giu');
}

/** Whether `re` matches anywhere in `text` (safe for global regexes). */
export function testRe(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}
