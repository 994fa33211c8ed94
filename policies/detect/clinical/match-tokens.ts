import { isWordCode } from './word-chars.ts';

/** A word of the text being matched: lower-cased, accent-folded key plus its offsets. */
export interface MatchToken {
  key: string;
  start: number;
  end: number;
}

const MARKS = /\p{M}/gu;

function isWord(text: string, i: number): boolean {
  return isWordCode(text.charCodeAt(i));
}

// Per character so that offsets stay one-to-one with the text.
function foldChar(ch: string): string {
  const base = ch.normalize('NFD').replace(MARKS, '');
  return base.length === 1 ? base : ch;
}

/** Folds accents ("röntgen" → "rontgen") without changing the string's length. */
export function foldAccents(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? Array.from(text, foldChar).join('') : text;
}

/** The word with accents folded and apostrophes unified, case kept (for case-sensitive acronyms). */
export function casedOf(word: string): string {
  const w = foldAccents(word);
  return w.includes('’') ? w.replace(/’/g, "'") : w;
}

/** Lower-cases, folds accents and apostrophes, and drops a possessive 's ("Crohn's" → "crohn"). */
export function keyOf(word: string): string {
  const w = casedOf(word).toLowerCase();
  return w.length > 3 && w.endsWith("'s") ? w.slice(0, -2) : w;
}

/** Splits text into word tokens; punctuation between words is ignored, so "self-harm" = "self harm". */
export function matchTokens(text: string): MatchToken[] {
  const out: MatchToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWord(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      if (isWord(text, i)) i++;
      else if ((text[i] === "'" || text[i] === '’') && i + 1 < n && isWord(text, i + 1)) i += 2;
      else break;
    }
    out.push({ key: keyOf(text.slice(start, i)), start, end: i });
  }
  return out;
}

/** Normalizes a lexicon form into its lookup key (tokens joined by one space). */
export function formKey(form: string): string {
  return matchTokens(form)
    .map((t) => t.key)
    .join(' ');
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

/** Undoes digit-for-letter spelling ("tr4madol" → "tramadol"); null when the word is not mixed letters and digits. */
export function unleet(key: string): string | null {
  if (!/\d/.test(key) || !/\p{L}/u.test(key)) return null;
  return key.replace(/[0134578]/g, (d) => LEET[d] ?? d);
}
